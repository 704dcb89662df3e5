using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Resources;

public static class ResourcesRegistration
{
    public static IServiceCollection AddResources(this IServiceCollection services)
    {
        services.AddSingleton<ResourceStore>();
        services.AddSingleton<ResourceHandlers>();
        services.AddSingleton<CapacityLedger>();
        services.AddSingleton(new OutboxTable(ResourceStore.TableName));
        return services;
    }
}
