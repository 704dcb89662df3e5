using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Agreements;

/// <summary>
/// What happened to an agreement. Each event carries the agreement as it is after the event, so a consumer needs no read of
/// it; <see cref="AgreementIntegrationEvents"/> turns them into integration events.
/// </summary>
public abstract record AgreementEvent(Agreement Agreement) : IDomainEvent
{
    public DateTimeOffset At => Agreement.UpdatedAt;

    public sealed record Created(Agreement Agreement) : AgreementEvent(Agreement);

    /// <summary>The party organisation signed (the agreement may have become active with it: then <see cref="Activated"/> follows).</summary>
    public sealed record Signed(Agreement Agreement) : AgreementEvent(Agreement);

    /// <summary>The unit's liaison countersigned.</summary>
    public sealed record Countersigned(Agreement Agreement) : AgreementEvent(Agreement);

    /// <summary>Both sides have signed: draft → active.</summary>
    public sealed record Activated(Agreement Agreement) : AgreementEvent(Agreement);

    public sealed record Terminated(Agreement Agreement, AgreementState From) : AgreementEvent(Agreement);

    public sealed record Expired(Agreement Agreement) : AgreementEvent(Agreement);

    /// <summary>The term ends within <see cref="Agreement.RenewalNoticeDays"/> days: time to renew (raised once per agreement).</summary>
    public sealed record RenewalDue(Agreement Agreement) : AgreementEvent(Agreement);
}
