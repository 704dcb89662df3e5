namespace RedYifang.Functions.Alliances;

/// <summary>A joint meeting as the API shows it.</summary>
public sealed record MeetingView(string Id, string AllianceId, string StreetId, DateTimeOffset At, string Agenda,
    IReadOnlyList<string> AttendingUnitIds, IReadOnlyList<MeetingDecision> Decisions, MeetingState State,
    IReadOnlyList<string> MinutesEvidenceIds, string CreatedBy, DateTimeOffset CreatedAt, string? ClosedBy, DateTimeOffset? ClosedAt,
    DateTimeOffset UpdatedAt)
{
    public static MeetingView From(Meeting m) =>
        new(m.Id, m.AllianceId, m.StreetId, m.At, m.Agenda, m.AttendingUnitIds, m.Decisions, m.State, m.MinutesEvidenceIds, m.CreatedBy,
            m.CreatedAt, m.ClosedBy, m.ClosedAt, m.UpdatedAt);
}
