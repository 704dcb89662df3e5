using RedYifang.Functions.PartyMembers;

namespace RedYifang.Rules.Tests.PartyMembers;

/// <summary>The ranking's stated tie-break (PartyMembers/PointsRanking.cs): points, then hours, then the earlier first award, then the user id.</summary>
public sealed class PointsRankingTests
{
    private static readonly DateTimeOffset Early = new(2026, 10, 3, 9, 0, 0, TimeSpan.FromHours(8));

    private static PointsRanking.Member M(string user, decimal points, decimal hours, DateTimeOffset? first) =>
        new(user, MonthTotals.Empty("2026-Q4") with { Points = points, Hours = hours, FirstAt = first });

    [Fact]
    public void Ties_break_on_hours_then_the_earlier_first_award_then_the_user_id_and_no_award_comes_last()
    {
        var ranked = PointsRanking.Rank(
        [
            M("usr_e", 0, 0, null),
            M("usr_d", 10, 2, Early.AddDays(1)),
            M("usr_c", 10, 2, Early),
            M("usr_b", 10, 3, Early.AddDays(5)),
            M("usr_a", 12, 0, Early.AddDays(9)),
            M("usr_f", 10, 2, Early),
            M("usr_g", 0, 0, Early),                                       // awarded, then reversed: it has a first award
        ]);

        Assert.Equal(
            [(1, "usr_a"), (2, "usr_b"), (3, "usr_c"), (4, "usr_f"), (5, "usr_d"), (6, "usr_g"), (7, "usr_e")],
            ranked.Select(r => (r.Rank, r.UserId)));
    }
}
