namespace RedYifang.Functions.Platform.Events;

/// <summary>
/// Something that happened to an aggregate (an order published, a resource paused), raised by the aggregate's own
/// methods and written with the change. Other features learn of it only through their <see cref="IEventTranslator"/>.
/// </summary>
public interface IDomainEvent
{
    DateTimeOffset At { get; }
}
