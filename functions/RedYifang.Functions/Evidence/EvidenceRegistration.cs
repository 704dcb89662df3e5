using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Evidence;

public static class EvidenceRegistration
{
    public static IServiceCollection AddEvidence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EvidenceOptions>().Bind(configuration.GetSection(EvidenceOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<EvidenceStore>();
        services.AddSingleton<EvidenceBlobs>();
        services.AddSingleton<EvidenceOwners>();
        services.AddSingleton<EvidenceUploads>();
        services.AddSingleton<DocumentUploads>();
        services.AddSingleton<PhotoSlots>();
        services.AddSingleton<EvidenceProcessor>();
        services.AddSingleton<TraceArchive>();
        services.AddSingleton<Orders.IOrderEvidence, OrderEvidence>();
        services.AddSingleton(new OutboxTable(EvidenceStore.TableName));
        return services;
    }
}
