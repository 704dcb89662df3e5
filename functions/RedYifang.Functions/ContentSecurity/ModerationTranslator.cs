using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.ContentSecurity;

/// <summary>Content that awaits a person, out of any event that carries some: listed for its admins through the outbox.</summary>
public sealed class ModerationTranslator : IEventTranslator
{
    public IEnumerable<OutboxMessage> Translate(IDomainEvent domainEvent) =>
        domainEvent is IHoldsContent holds
            ? holds.Held.Where(h => h.Screening.AwaitsDecision)
                .Select(h => new OutboxMessage(ModerationMessage.Queue, new ModerationMessage(h, Apply: false)))
            : [];
}
