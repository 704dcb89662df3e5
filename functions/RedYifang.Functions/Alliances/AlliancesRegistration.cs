using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Alliances;

public static class AlliancesRegistration
{
    public static IServiceCollection AddAlliances(this IServiceCollection services)
    {
        services.AddSingleton<AllianceStore>();
        services.AddSingleton<AllianceReads>();
        services.AddSingleton<CreateAlliance>();
        services.AddSingleton<GetAlliance>();
        services.AddSingleton<ListAlliances>();
        services.AddSingleton<InviteMember>();
        services.AddSingleton<AnswerInvitation>();
        services.AddSingleton<AcceptInvitation>();
        services.AddSingleton<DeclineInvitation>();
        services.AddSingleton<LeaveAlliance>();
        services.AddSingleton<ListMembers>();
        services.AddSingleton<AppointCommitteeMember>();
        services.AddSingleton<RemoveCommitteeMember>();
        services.AddSingleton<ListCommittee>();
        services.AddSingleton<SyncCommitteeRole>();
        services.AddSingleton<AddChairTerm>();
        services.AddSingleton<ListChairTerms>();
        services.AddSingleton<ScheduleMeeting>();
        services.AddSingleton<GetMeeting>();
        services.AddSingleton<ListMeetings>();
        services.AddSingleton<RecordDecision>();
        services.AddSingleton<CloseMeeting>();
        services.AddSingleton<IEventTranslator, AllianceIntegrationEvents>();
        services.AddSingleton<IEventTranslator, CommitteeRoleTranslator>();
        services.AddSingleton<Evidence.IEvidenceOwner, MeetingEvidenceOwner>();
        services.AddSingleton(new OutboxTable(AllianceStore.TableName));
        return services;
    }
}
