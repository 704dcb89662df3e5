using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Activities;

public static class ActivitiesRegistration
{
    public static IServiceCollection AddActivities(this IServiceCollection services)
    {
        services.AddSingleton<ActivityStore>();
        services.AddSingleton<ActivityChanges>();
        services.AddSingleton<CreateActivity>();
        services.AddSingleton<GetActivity>();
        services.AddSingleton<ListActivities>();
        services.AddSingleton<GetCheckinCode>();
        services.AddSingleton<CheckIn>();
        services.AddSingleton<CheckOut>();
        services.AddSingleton<ListAttendance>();
        services.AddSingleton<ReviewAttendance>();
        services.AddSingleton<ApproveAttendance>();
        services.AddSingleton<DeclineAttendance>();
        services.AddSingleton<BackfillAttendance>();
        services.AddSingleton<CloseActivity>();
        services.AddSingleton<CancelActivity>();
        services.AddSingleton<RecordActivityEvidence>();
        services.AddSingleton<IEventTranslator, ActivityIntegrationEvents>();
        services.AddSingleton<IEventTranslator, ActivityEvidenceTranslator>();
        services.AddSingleton<Evidence.IEvidenceOwner, ActivityEvidenceOwner>();
        services.AddSingleton<Sites.ISiteActivities, SiteActivities>();
        services.AddSingleton(new OutboxTable(ActivityStore.TableName));
        return services;
    }
}
