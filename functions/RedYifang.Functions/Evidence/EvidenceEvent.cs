using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Evidence;

/// <summary>
/// What happened to a piece of evidence, for the features that own what it proves (their <see cref="IEventTranslator"/>
/// turns it into their own queue message, staged in the same transaction as the change): so they learn of it without
/// reading Evidence's store.
/// </summary>
public abstract record EvidenceEvent(EvidenceRecord Record) : IDomainEvent
{
    public abstract DateTimeOffset At { get; }

    /// <summary>It joined its organisation's chain: verified, its bytes fixed from now on.</summary>
    public sealed record Verified(EvidenceRecord Record) : EvidenceEvent(Record)
    {
        public override DateTimeOffset At => Record.VerifiedAt ?? throw new InvalidOperationException($"{Record.Id} is not verified.");
    }
}
