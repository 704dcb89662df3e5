using System.Text.Json;
using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Platform.Messaging;

/// <summary>
/// An event other government systems may consume. It carries no personal data. <see cref="Id"/> is deterministic, so
/// publishing it twice is caught by Service Bus duplicate detection (it is the MessageId).
/// </summary>
public sealed record IntegrationEvent(string Id, string Type, DateTimeOffset At, JsonElement Data)
{
    /// <summary>The internal queue events are staged on (through the outbox) before they are published.</summary>
    public const string Queue = "integration-events";

    public static (string Queue, object Message) Of(string id, string type, DateTimeOffset at, object data) =>
        (Queue, new IntegrationEvent(id, type, at, JsonSerializer.SerializeToElement(data, data.GetType(), Json.Options)));
}

public sealed class ServiceBusOptions
{
    public const string Section = "ServiceBus";

    /// <summary>A connection string (the local emulator, tests). Empty: use <see cref="Endpoint"/> with the managed identity.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>The namespace endpoint from the resource (https://….servicebus…/); empty with no connection string: no Service Bus.</summary>
    public string Endpoint { get; set; } = "";

    public string ClientId { get; set; } = "";

    public string TopicName { get; set; } = "redyifang-events";
}

/// <summary>Where integration events leave the system: a Service Bus topic, or with none configured a Storage queue.</summary>
public interface IEventPublisher
{
    Task PublishAsync(IntegrationEvent e, CancellationToken ct);
}

public sealed class ServiceBusEventPublisher(ServiceBusSender sender) : IEventPublisher
{
    public Task PublishAsync(IntegrationEvent e, CancellationToken ct) =>
        sender.SendMessageAsync(new ServiceBusMessage(BinaryData.FromObjectAsJson(e.Data, Json.Options))
        {
            MessageId = e.Id,
            Subject = e.Type,
            ContentType = "application/json",
            ApplicationProperties = { ["occurredAt"] = e.At.ToString("O") },
        }, ct);
}

/// <summary>Local runs without Service Bus: the same events, on Storage queue <c>integration-events-out</c>.</summary>
public sealed class QueueEventPublisher(StorageClients clients) : IEventPublisher
{
    public const string Queue = "integration-events-out";
    private readonly Azure.Storage.Queues.QueueClient _queue = clients.Queues().GetQueueClient(Queue);
    private volatile bool _created;

    public async Task PublishAsync(IntegrationEvent e, CancellationToken ct)
    {
        // Created once per process, not before every event (a failure is not remembered).
        if (!_created)
        {
            await _queue.CreateIfNotExistsAsync(cancellationToken: ct);
            _created = true;
        }
        await _queue.SendMessageAsync(JsonSerializer.Serialize(e, Json.Options), ct);
    }
}

internal sealed class IntegrationEventFunction(IEventPublisher publisher)
{
    [Function("PublishIntegrationEvents")]
    public Task Run([QueueTrigger(IntegrationEvent.Queue, Connection = "AzureWebJobsStorage")] string message, CancellationToken ct) =>
        publisher.PublishAsync(QueueMessages.Parse<IntegrationEvent>(message), ct);
}

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
