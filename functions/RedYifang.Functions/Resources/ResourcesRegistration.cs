using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Resources;

public static class ResourcesRegistration
{
    public static IServiceCollection AddResources(this IServiceCollection services)
    {
        services.AddSingleton<ResourceStore>();
        services.AddSingleton<CreateResource>();
        services.AddSingleton<EditResource>();
        services.AddSingleton<ChangeResourceState>();
        services.AddSingleton<GetResource>();
        services.AddSingleton<ListResources>();
        services.AddSingleton<CapacityLedger>();
        services.AddSingleton(new OutboxTable(ResourceStore.TableName));
        services.AddSingleton<IEventTranslator, ResourceIntegrationEvents>();
        return services;
    }
}
