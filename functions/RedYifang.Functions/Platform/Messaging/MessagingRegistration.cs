using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace RedYifang.Functions.Platform.Messaging;

public static class MessagingRegistration
{
    public static IServiceCollection AddMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ServiceBusOptions>().Bind(configuration.GetSection(ServiceBusOptions.Section));
        var options = configuration.GetSection(ServiceBusOptions.Section).Get<ServiceBusOptions>() ?? new ServiceBusOptions();
        if (options.ConnectionString.Length == 0 && options.Endpoint.Length == 0)
        {
            return services.AddSingleton<IEventPublisher, QueueEventPublisher>();
        }
        services.AddSingleton(_ => options.ConnectionString.Length > 0
            ? new ServiceBusClient(options.ConnectionString)
            : new ServiceBusClient(new Uri(options.Endpoint).Host,
                options.ClientId.Length > 0
                    ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ClientId))
                    : new DefaultAzureCredential()));
        services.AddSingleton(sp => sp.GetRequiredService<ServiceBusClient>()
            .CreateSender(sp.GetRequiredService<IOptions<ServiceBusOptions>>().Value.TopicName));
        return services.AddSingleton<IEventPublisher, ServiceBusEventPublisher>();
    }
}
