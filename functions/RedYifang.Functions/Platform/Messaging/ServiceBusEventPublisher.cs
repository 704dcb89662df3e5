using Azure.Messaging.ServiceBus;
using RedYifang.Functions.Platform.Http;

namespace RedYifang.Functions.Platform.Messaging;

/// <summary>
/// Publishes to the topic: the body is the event's data; MessageId its id (duplicate detection); Subject its type; and the
/// application properties <c>type</c>, <c>dataVersion</c> and <c>occurredAt</c>, so a subscription's SQL filter can select a
/// type and version (<c>type = 'order.stateChanged' AND dataVersion = 1</c>) without reading the body (docs/events.md).
/// </summary>
public sealed class ServiceBusEventPublisher(ServiceBusSender sender) : IEventPublisher
{
    public Task PublishAsync(IntegrationEvent e, CancellationToken ct) =>
        sender.SendMessageAsync(new ServiceBusMessage(BinaryData.FromObjectAsJson(e.Data, Json.Options))
        {
            MessageId = e.Id,
            Subject = e.Type,
            ContentType = "application/json",
            ApplicationProperties =
            {
                ["type"] = e.Type,
                ["dataVersion"] = e.DataVersion,
                ["occurredAt"] = e.At.ToString("O"),
            },
        }, ct);
}
