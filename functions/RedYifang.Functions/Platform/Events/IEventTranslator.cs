namespace RedYifang.Functions.Platform.Events;

/// <summary>
/// One consumer's view of domain events: Matching, Assessment and the integration events each own one, turning the
/// events they care about into their own queue messages. Pure: it reads nothing, so it can run inside a write.
/// </summary>
public interface IEventTranslator
{
    IEnumerable<OutboxMessage> Translate(IDomainEvent domainEvent);
}
