using RedYifang.Functions.ContentSecurity;
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
    /// Its screening (<see cref="EvidenceRecord.Moderation"/>) reached a state that changes who sees it: held for the admins
    /// (pending), hidden (WeChat's risky verdict, an admin's hide) or approved by an admin. <paramref name="Before"/> is the
    /// screening it had; <paramref name="ScreenedAt"/> the admin's decision's instant, or when WeChat's verdict was written.
    /// </summary>
    public sealed record Screened(EvidenceRecord Record, Screening? Before, DateTimeOffset ScreenedAt) : EvidenceEvent(Record)
    {
        public override DateTimeOffset At => ScreenedAt;

        public Screening Screening => Record.Moderation!;
    }

    /// <summary>
    /// What a write of <paramref name="after"/> over <paramref name="before"/> (null: a new record) makes happen: sealed when
    /// it gets its commit instant still pending, rejected when it leaves pending for rejected or failed, at <paramref name="now"/>.
    /// Joining the chain is not a write here (<see cref="EvidenceStore.TryAppendAsync"/> raises <see cref="Verified"/>). Screened
    /// when its screening's state changes to pending, hidden or approved: only a change of state, so a verdict applied twice, a
    /// replayed push or an admin repeating a decision (or confirming what WeChat hid) raises nothing new (<see cref="Screening.Merge"/>).
    /// </summary>
    public static IReadOnlyList<EvidenceEvent> Between(EvidenceRecord? before, EvidenceRecord after, DateTimeOffset now)
    {
        IReadOnlyList<EvidenceEvent> step = (before?.State ?? EvidenceState.Pending, after.State) switch
        {
            (EvidenceState.Pending, EvidenceState.Pending) when before?.CommittedAt is null && after.CommittedAt is not null =>
                [new Sealed(after)],
            (EvidenceState.Pending, EvidenceState.Rejected or EvidenceState.Failed) => [new Rejected(after, now)],
            _ => [],
        };
        var screened = after.Moderation is { State: ScreeningState.Pending or ScreeningState.Hidden or ScreeningState.Approved } to
            && to.State != before?.Moderation?.State;
        return screened ? [.. step, new Screened(after, before?.Moderation, after.Moderation!.DecidedAt ?? now)] : step;
    }
}
