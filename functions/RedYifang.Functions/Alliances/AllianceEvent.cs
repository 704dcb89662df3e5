using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Alliances;

/// <summary>
/// What happened in an alliance. Each event carries what changed as it is afterwards, so a consumer needs no read:
/// <see cref="AllianceIntegrationEvents"/> publishes every one, <see cref="CommitteeRoleTranslator"/> turns seats into role
/// grants and revocations, and Assessment's co-building translator a closed meeting into participation of its attending units.
/// </summary>
public abstract record AllianceEvent : IDomainEvent
{
    public abstract DateTimeOffset At { get; }

    public sealed record Created(Alliance Alliance) : AllianceEvent
    {
        public override DateTimeOffset At => Alliance.CreatedAt;
    }

    /// <summary>A unit invited, accepting, declining or leaving (<see cref="From"/> null on its first invitation).</summary>
    public sealed record MemberChanged(Member Member, MemberState? From) : AllianceEvent
    {
        public override DateTimeOffset At => Member.UpdatedAt;
    }

    public sealed record CommitteeAppointed(CommitteeSeat Seat) : AllianceEvent
    {
        public override DateTimeOffset At => Seat.AppointedAt;
    }

    /// <summary>A seat removed by the street's admins, or vacated when its unit left (<see cref="By"/> who did either).</summary>
    public sealed record CommitteeRemoved(CommitteeSeat Seat, string By, DateTimeOffset RemovedAt) : AllianceEvent
    {
        public override DateTimeOffset At => RemovedAt;
    }

    public sealed record ChairTermAdded(Alliance Alliance, ChairTerm Term) : AllianceEvent
    {
        public override DateTimeOffset At => Term.SetAt;
    }

    public sealed record MeetingScheduled(Meeting Meeting) : AllianceEvent
    {
        public override DateTimeOffset At => Meeting.UpdatedAt;
    }

    public sealed record DecisionRecorded(Meeting Meeting) : AllianceEvent
    {
        public override DateTimeOffset At => Meeting.UpdatedAt;
    }

    /// <summary>Closed with verified minutes: its attendance counts from now on.</summary>
    public sealed record MeetingClosed(Meeting Meeting) : AllianceEvent
    {
        public override DateTimeOffset At => Meeting.UpdatedAt;
    }
}
