using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.PartyMembers;

public static class PartyMembersRegistration
{
    public static IServiceCollection AddPartyMembers(this IServiceCollection services)
    {
        services.AddSingleton<ReportStore>();
        services.AddSingleton<PointsRulesStore>();
        services.AddSingleton<LedgerStore>();
        services.AddSingleton<ReportChanges>();
        services.AddSingleton<SubmitReport>();
        services.AddSingleton<ListReports>();
        services.AddSingleton<ApproveReport>();
        services.AddSingleton<DeclineReport>();
        services.AddSingleton<GrantReportedRole>();
        services.AddSingleton<GetPointsRules>();
        services.AddSingleton<PutPointsRules>();
        services.AddSingleton<AwardAttendancePoints>();
        services.AddSingleton<ReverseAttendancePoints>();
        services.AddSingleton<AwardOrderPoints>();
        services.AddSingleton<GetLedger>();
        services.AddSingleton<GetPointsRanking>();
        services.AddSingleton<GetUnitPointsSummary>();
        services.AddSingleton<IEventTranslator, RoleGrantTranslator>();
        services.AddSingleton<IEventTranslator, AttendanceTranslator>();
        services.AddSingleton<IEventTranslator, OrderServedTranslator>();
        services.AddSingleton<IEventTranslator, ReportIntegrationEvents>();
        services.AddSingleton(new OutboxTable(ReportStore.TableName));
        return services;
    }
}
