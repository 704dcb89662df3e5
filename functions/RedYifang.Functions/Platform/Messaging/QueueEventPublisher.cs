using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Platform.Messaging;

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
