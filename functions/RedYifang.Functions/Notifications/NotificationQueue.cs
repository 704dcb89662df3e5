using System.Text.Json;
using Azure.Storage.Queues;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Notifications;

/// <summary>
/// Puts an event back on queue <c>notifications</c>, hidden for a while: the back-off of a message WeChat was too busy for
/// (the queue's own retry would come back after host.json's fixed visibility timeout, and count against its poison limit).
/// </summary>
public sealed class NotificationQueue(StorageClients clients)
{
    private readonly QueueClient _queue = clients.Queues().GetQueueClient(NotificationEvent.Queue);

    public async Task SendAsync(NotificationEvent e, TimeSpan delay, CancellationToken ct)
    {
        await _queue.CreateIfNotExistsAsync(cancellationToken: ct);
        await _queue.SendMessageAsync(JsonSerializer.Serialize(e, Json.Options), visibilityTimeout: delay, cancellationToken: ct);
    }
}
