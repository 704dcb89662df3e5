namespace RedYifang.Functions.Alliances;

/// <summary>A unit's membership as the API shows it: its state and every step.</summary>
public sealed record MemberView(string AllianceId, string UnitId, MemberState State, IReadOnlyList<MemberStep> History,
    DateTimeOffset UpdatedAt)
{
    public static MemberView From(Member m) => new(m.AllianceId, m.UnitId, m.State, m.History, m.UpdatedAt);
}
