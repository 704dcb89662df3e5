using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Evidence;

/// <summary>
/// What happened to a piece of evidence, for the features that own what it proves (their <see cref="IEventTranslator"/>
/// turns it into their own queue message, staged in the same transaction as the change): so they learn of it without
/// reading Evidence's store. <see cref="EvidenceStore"/> raises each with the write that makes it so
/// (<see cref="Between"/>, and <see cref="Verified"/> when the record joins its chain); <see cref="EvidenceIntegrationEvents"/>
/// publishes them.
/// </summary>
public abstract record EvidenceEvent(EvidenceRecord Record) : IDomainEvent
{
    public abstract DateTimeOffset At { get; }

    /// <summary>Its bytes were received and sealed (a photo's commit, an admin's document upload): it awaits processing.</summary>
    public sealed record Sealed(EvidenceRecord Record) : EvidenceEvent(Record)
    {
        public override DateTimeOffset At => Record.CommittedAt ?? throw new InvalidOperationException($"{Record.Id} is not sealed.");
    }

    /// <summary>It joined its organisation's chain: verified, its bytes fixed from now on.</summary>
    public sealed record Verified(EvidenceRecord Record) : EvidenceEvent(Record)
    {
        public override DateTimeOffset At => Record.VerifiedAt ?? throw new InvalidOperationException($"{Record.Id} is not verified.");
    }

    /// <summary>
    /// It will never count: rejected (the bytes are not what the ticket said, or cannot be decoded) or failed (processing gave
    /// up); <paramref name="RejectedAt"/> is when that was written.
    /// </summary>
    public sealed record Rejected(EvidenceRecord Record, DateTimeOffset RejectedAt) : EvidenceEvent(Record)
    {
        public override DateTimeOffset At => RejectedAt;
    }

    /// <summary>
    /// What a write of <paramref name="after"/> over <paramref name="before"/> (null: a new record) makes happen: sealed when
    /// it gets its commit instant still pending, rejected when it leaves pending for rejected or failed, at <paramref name="now"/>.
    /// Joining the chain is not a write here (<see cref="EvidenceStore.TryAppendAsync"/> raises <see cref="Verified"/>).
    /// </summary>
    public static IReadOnlyList<EvidenceEvent> Between(EvidenceRecord? before, EvidenceRecord after, DateTimeOffset now) =>
        (before?.State ?? EvidenceState.Pending, after.State) switch
        {
            (EvidenceState.Pending, EvidenceState.Pending) when before?.CommittedAt is null && after.CommittedAt is not null =>
                [new Sealed(after)],
            (EvidenceState.Pending, EvidenceState.Rejected or EvidenceState.Failed) => [new Rejected(after, now)],
            _ => [],
        };
}
