namespace RedYifang.Functions.Alliances;

/// <summary>
/// A unit's membership of an alliance, from its first invitation on: its state and every step. The unit's path is kept on it
/// (its street is the alliance's), so who may answer for the unit needs no extra read.
/// </summary>
public sealed record Member
{
    public required string AllianceId { get; init; }
    public required string DistrictId { get; init; }
    public required string StreetId { get; init; }
    public required string UnitId { get; init; }
    public required IReadOnlyList<string> UnitPath { get; init; }
    public required MemberState State { get; init; }
    public required IReadOnlyList<MemberStep> History { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// The street's admins invite a unit of the street: a first invitation, or another after it declined or left
    /// (<paramref name="before"/>, whose history it continues).
    /// </summary>
    public static MemberChange Invite(Alliance alliance, IReadOnlyList<string> unitPath, Member? before, string by, DateTimeOffset at)
    {
        MemberLifecycle.Check(before?.State, MemberState.Invited);
        var member = before ?? new Member
        {
            AllianceId = alliance.Id, DistrictId = alliance.DistrictId, StreetId = alliance.StreetId, UnitId = unitPath[^1],
            UnitPath = unitPath, State = MemberState.Invited, History = [], UpdatedAt = at,
        };
        return member.Step(MemberState.Invited, by, at);
    }

    public MemberChange Accept(string by, DateTimeOffset at) => Step(MemberState.Active, by, at);

    public MemberChange Decline(string by, DateTimeOffset at) => Step(MemberState.Declined, by, at);

    public MemberChange Leave(string by, DateTimeOffset at) => Step(MemberState.Left, by, at);

    private MemberChange Step(MemberState to, string by, DateTimeOffset at)
    {
        MemberState? from = History.Count == 0 ? null : State;
        MemberLifecycle.Check(from, to);
        var after = this with { State = to, History = [.. History, new MemberStep(to, by, at)], UpdatedAt = at };
        return new MemberChange(after, new AllianceEvent.MemberChanged(after, from));
    }
}
