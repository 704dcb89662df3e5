namespace RedYifang.Functions.Alliances;

/// <summary>
/// A joint meeting of an alliance (联席会议): when, its agenda, the member units attending, its decisions as text, and — once
/// closed — the verified evidence that is its minutes. It changes only through its own methods, which return the new meeting
/// and the event the change caused.
/// </summary>
public sealed record Meeting
{
    /// <summary>Attending units at most: the close stages a message per attending unit in its one transaction (Azure: 100).</summary>
    public const int MaxAttending = 50;

    public const int MaxDecisions = 50;

    public required string Id { get; init; }
    public required string AllianceId { get; init; }
    public required string DistrictId { get; init; }
    public required string StreetId { get; init; }
    public required DateTimeOffset At { get; init; }
    public required string Agenda { get; init; }
    public required IReadOnlyList<string> AttendingUnitIds { get; init; }
    public required IReadOnlyList<MeetingDecision> Decisions { get; init; }
    public required MeetingState State { get; init; }
    public required IReadOnlyList<string> MinutesEvidenceIds { get; init; }
    public required string CreatedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public string? ClosedBy { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    public static (Meeting Meeting, AllianceEvent Event) Schedule(string id, Alliance alliance, DateTimeOffset at, string agenda,
        IReadOnlyList<string> attendingUnitIds, string by, DateTimeOffset now)
    {
        var meeting = new Meeting
        {
            Id = id, AllianceId = alliance.Id, DistrictId = alliance.DistrictId, StreetId = alliance.StreetId, At = at, Agenda = agenda,
            AttendingUnitIds = attendingUnitIds, Decisions = [], State = MeetingState.Scheduled, MinutesEvidenceIds = [], CreatedBy = by,
            CreatedAt = now, UpdatedAt = now,
        };
        return (meeting, new AllianceEvent.MeetingScheduled(meeting));
    }

    /// <summary>Records a decision while the meeting is open (409 <c>invalid_transition</c> once closed).</summary>
    public (Meeting Meeting, AllianceEvent Event) Decide(string text, string by, DateTimeOffset now)
    {
        if (State != MeetingState.Scheduled) throw AllianceProblems.MeetingClosed();
        if (Decisions.Count >= MaxDecisions) throw AllianceProblems.DecisionsFull();
        var after = this with { Decisions = [.. Decisions, new MeetingDecision(text, by, now)], UpdatedAt = now };
        return (after, new AllianceEvent.DecisionRecorded(after));
    }

    /// <summary>
    /// Closes a meeting that has been held (409 <c>meeting_not_held</c> before its time) with its minutes: evidence the caller
    /// has checked is verified and attached to this meeting.
    /// </summary>
    public (Meeting Meeting, AllianceEvent Event) Close(IReadOnlyList<string> minutesEvidenceIds, string by, DateTimeOffset now)
    {
        if (State != MeetingState.Scheduled) throw AllianceProblems.MeetingClosed();
        if (now < At) throw AllianceProblems.MeetingNotHeld(this);
        var after = this with
        {
            State = MeetingState.Closed, MinutesEvidenceIds = minutesEvidenceIds, ClosedBy = by, ClosedAt = now, UpdatedAt = now,
        };
        return (after, new AllianceEvent.MeetingClosed(after));
    }
}
