namespace RedYifang.Functions.Platform.Events;

/// <summary>Every registered translator, applied in turn: what a change's events become in the outbox.</summary>
public sealed class EventTranslators(IEnumerable<IEventTranslator> translators)
{
    private readonly IReadOnlyList<IEventTranslator> _translators = translators.ToList();

    public IReadOnlyList<OutboxMessage> Translate(IEnumerable<IDomainEvent> events) =>
        events.SelectMany(e => _translators.SelectMany(t => t.Translate(e))).ToList();
}
