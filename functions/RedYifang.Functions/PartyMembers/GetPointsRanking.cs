using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.PartyMembers;

/// <summary>
/// A community's party members ranked by points over a period (<see cref="PointsRanking"/>): its approved members, each with
/// their totals of the period's months (members with no points are ranked too, last). For admins over the community and its
/// members. One range for the members, then one range of each member's months.
/// </summary>
public sealed class GetPointsRanking(ReportStore reports, LedgerStore ledger, OrgStore orgs)
{
    public sealed record View(string CommunityId, string Period, string TieBreak, IReadOnlyList<PointsRanking.Ranked> Items);

    public async Task<View> HandleAsync(Caller caller, string communityId, string? periodText, CancellationToken ct)
    {
        var v = new Validator();
        var period = v.Period("period", periodText);
        v.ThrowIfInvalid();
        if (await orgs.FindAsync(communityId, ct) is not { Kind: OrgKind.Community } community) throw Problems.NotFound("organisation");
        var members = await reports.MembersAsync(community.Path[0], community.Id, ct);
        if (!PartyMemberPolicy.MayReadRanking(caller, community.Path, members.Any(m => m.UserId == caller.UserId)))
        {
            throw Problems.Forbidden();
        }
        var (first, last) = LedgerPeriod.Months(period!);
        var totals = await Task.WhenAll(members.Select(async m =>
            new PointsRanking.Member(m.UserId, MonthTotals.Sum(period!.Text, await ledger.MonthsAsync(m.UserId, first, last, ct)))));
        return new View(community.Id, period!.Text, PointsRanking.TieBreak, PointsRanking.Rank(totals));
    }
}
