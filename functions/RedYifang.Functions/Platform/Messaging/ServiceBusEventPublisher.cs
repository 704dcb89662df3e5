using Azure.Messaging.ServiceBus;
using RedYifang.Functions.Platform.Http;

namespace RedYifang.Functions.Platform.Messaging;

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
