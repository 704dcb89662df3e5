namespace RedYifang.Functions.PartyMembers;

/// <summary>
/// The ranking of a community's members by points over a period, with a stated tie-break so every member has a rank of
/// their own: more points, then more hours of attendance, then the earlier first award in the period (a member with none
/// comes after those with one), then the user id (ordinal) — the last only so that the order is total.
/// </summary>
public static class PointsRanking
{
    public const string TieBreak = "points desc, hours desc, firstAt asc (none last), userId asc";

    public sealed record Member(string UserId, MonthTotals Totals);

    public sealed record Ranked(int Rank, string UserId, decimal Points, decimal Hours, DateTimeOffset? FirstAt);

    public static IReadOnlyList<Ranked> Rank(IEnumerable<Member> members) =>
        [.. Order(members).Select((m, i) => new Ranked(i + 1, m.UserId, m.Totals.Points, m.Totals.Hours, m.Totals.FirstAt))];

    public static IOrderedEnumerable<Member> Order(IEnumerable<Member> members) => members
        .OrderByDescending(m => m.Totals.Points)
        .ThenByDescending(m => m.Totals.Hours)
        .ThenBy(m => m.Totals.FirstAt is null)
        .ThenBy(m => m.Totals.FirstAt)
        .ThenBy(m => m.UserId, StringComparer.Ordinal);
}
