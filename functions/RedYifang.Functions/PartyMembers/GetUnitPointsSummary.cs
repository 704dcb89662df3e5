using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.PartyMembers;

/// <summary>
/// A work unit's quarterly summary of its in-service party members (双岗双责: the employer sees how its members serve where they
/// live): every member whose approved report names the unit, with the quarter's points, hours and points per source, in
/// ranking order (<see cref="PointsRanking"/>). For the unit's liaisons and admins over it.
/// </summary>
public sealed class GetUnitPointsSummary(ReportStore reports, LedgerStore ledger, OrgStore orgs)
{
    public sealed record Request(string? WorkUnitId, string? Quarter);

    public sealed record Item(
        string UserId,
        IReadOnlyList<string> CommunityIds,
        decimal Points,
        decimal Hours,
        LedgerView.SourceTotals BySource);

    public sealed record View(string WorkUnitId, string Quarter, int Members, decimal Total, decimal Hours, IReadOnlyList<Item> Items);

    public async Task<View> HandleAsync(Caller caller, Request request, CancellationToken ct)
    {
        var v = new Validator();
        var unitId = v.Id("workUnitId", request.WorkUnitId);
        var quarter = Quarter(v, request.Quarter);
        v.ThrowIfInvalid();
        if (await orgs.FindAsync(unitId!, ct) is not { Kind: OrgKind.Unit } unit) throw Problems.NotFound("organisation");
        if (!PartyMemberPolicy.MayReadUnitSummary(caller, unit.Path)) throw Problems.Forbidden();

        var (first, last) = LedgerPeriod.Months(quarter!);
        var members = (await reports.MembersEmployedByAsync(unit.Id, ct)).GroupBy(r => r.UserId, StringComparer.Ordinal).ToList();
        var totals = await Task.WhenAll(members.Select(async m =>
            new PointsRanking.Member(m.Key, MonthTotals.Sum(quarter!.Text, await ledger.MonthsAsync(m.Key, first, last, ct)))));
        var communities = members.ToDictionary(
            m => m.Key,
            m => (IReadOnlyList<string>)[.. m.Select(r => r.CommunityId).Distinct().Order(StringComparer.Ordinal)]);
        var items = PointsRanking.Order(totals)
            .Select(m => new Item(m.UserId, communities[m.UserId], m.Totals.Points, m.Totals.Hours, LedgerView.Of(m.Totals)))
            .ToList();
        return new View(unit.Id, quarter!.Text, items.Count, items.Sum(i => i.Points), items.Sum(i => i.Hours), items);
    }

    private static Period? Quarter(Validator v, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            v.Add("quarter", Validator.Required);
            return null;
        }
        if (text.Contains("-Q", StringComparison.Ordinal) && Period.TryParse(text, out var quarter)) return quarter;
        v.Add("quarter", new("须为季度，如 2026-Q4", "must be a quarter, like 2026-Q4"));
        return null;
    }
}
