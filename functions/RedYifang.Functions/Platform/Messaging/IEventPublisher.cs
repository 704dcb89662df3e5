namespace RedYifang.Functions.Platform.Messaging;

/// <summary>Where integration events leave the system: a Service Bus topic, or with none configured a Storage queue.</summary>
public interface IEventPublisher
{
    Task PublishAsync(IntegrationEvent e, CancellationToken ct);
}
