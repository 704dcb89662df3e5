namespace RedYifang.Functions.Alliances;

/// <summary>A committee seat as the API shows it.</summary>
public sealed record CommitteeSeatView(string AllianceId, string UserId, string UnitId, string AppointedBy, DateTimeOffset AppointedAt)
{
    public static CommitteeSeatView From(CommitteeSeat s) => new(s.AllianceId, s.UserId, s.UnitId, s.AppointedBy, s.AppointedAt);
}
