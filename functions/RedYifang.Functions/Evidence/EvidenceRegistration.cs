using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Evidence;

public static class EvidenceRegistration
{
    public static IServiceCollection AddEvidence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EvidenceOptions>().Bind(configuration.GetSection(EvidenceOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<EvidenceStore>();
        services.AddSingleton<IEventTranslator, EvidenceIntegrationEvents>();
        services.AddSingleton<EvidenceBlobs>();
        services.AddSingleton<EvidenceOwners>();
        services.AddSingleton<RequestUploadTicket>();
        services.AddSingleton<CommitEvidence>();
        services.AddSingleton<UploadDocument>();
        services.AddSingleton<GetEvidence>();
        services.AddSingleton<ListEvidence>();
        services.AddSingleton<PhotoSlots>();
        services.AddSingleton<ProcessEvidence>();
        services.AddSingleton<GetOrgTrace>();
        services.AddSingleton<VerifyOrgTrace>();
        services.AddSingleton<IVerifiedEvidence, VerifiedEvidence>();
        services.AddSingleton<CheckEvidenceMedia>();
        services.AddSingleton<ContentSecurity.IModerated, EvidenceModeration>();
        services.AddSingleton<Platform.Events.IEventTranslator, MediaCheckTranslator>();
        services.AddSingleton(new OutboxTable(EvidenceStore.TableName));
        return services;
    }
}
