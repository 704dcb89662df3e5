using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Notifications;

/// <summary>Queue <c>notifications</c>: records and sends what an order event tells whom (<see cref="SendNotifications"/>).</summary>
internal sealed class NotificationFunction(SendNotifications send)
{
    [Function("SendNotifications")]
    public Task Run([QueueTrigger(NotificationEvent.Queue, Connection = "AzureWebJobsStorage")] string message, CancellationToken ct) =>
        send.HandleAsync(QueueMessages.Parse<NotificationEvent>(message), ct);
}
