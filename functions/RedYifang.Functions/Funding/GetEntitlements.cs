using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Funding;

/// <summary>
/// What each unit party organisation of a street is entitled to for a year (<c>GET /v1/funding/entitlements?streetId=&amp;year=</c>):
/// per branch × branches + per member × members (Funding options; the seed's 1,000 and 200 yuan), from the counts in force at
/// midnight of 1 January, China Standard Time — asked of Organisations (<see cref="IPartyCounts"/>), never read from its table —
/// with what the street's and district's budgets already paid into the unit's co-building fund that year (net of reversals).
/// Units registered later in the year are not entitled for it (their counts did not exist on 1 January).
/// </summary>
public sealed class GetEntitlements(Openings openings, FundingStore store, IPartyCounts counts)
{
    public sealed record Rule(string PerBranch, string PerMember, DateTimeOffset CountsAsOf, string Text);

    public sealed record Line(string UnitId, string Name, int PartyBranches, int PartyMembers, string Entitlement, string Disbursed,
        string Outstanding);

    public sealed record View(string StreetId, int Year, Rule Rule, IReadOnlyList<Line> Items, string TotalEntitlement,
        string TotalDisbursed);

    public async Task<View> HandleAsync(Caller caller, string? streetId, string? yearText, CancellationToken ct)
    {
        var v = new Validator();
        var id = v.Id("streetId", streetId);
        var year = Openings.Year(v, "year", yearText);
        v.ThrowIfInvalid();
        var street = await openings.FindAsync(id!, ct);
        if (street is not { Kind: OrgKind.Street } || !FundingPolicy.MaySeeEntitlements(caller, street))
        {
            throw Problems.NotFound("organisation");
        }
        var asOf = ChinaTime.At(new DateTime(year!.Value, 1, 1), TimeOnly.MinValue);
        var (perBranch, perMember) = (openings.Options.PerBranchAmount, openings.Options.PerMemberAmount);
        var movements = await store.MovementsAsync(street.Path[0], year.Value, ct);
        var lines = (await counts.AsOfAsync(street.Id, OrgKind.Unit, asOf, ct)).Select(c =>
        {
            var (branches, members) = (c.PartyBranches ?? 0, c.PartyMembers ?? 0);
            var entitled = Ledger.Entitlement(branches, members, perBranch, perMember);
            var disbursed = Disbursed(movements, new AccountId(AccountKind.CoBuilding, c.OrgId, year.Value));
            var outstanding = entitled > disbursed ? entitled - disbursed : Money.Zero;
            return (Line: new Line(c.OrgId, c.Name, branches, members, entitled.ToString(), disbursed.ToString(), outstanding.ToString()),
                Entitled: entitled, Disbursed: disbursed);
        }).ToList();
        var rule = new Rule(perBranch.ToString(), perMember.ToString(), asOf,
            $"每个党支部每年 {perBranch} 元、每名党员每年 {perMember} 元，按 {year} 年 1 月 1 日（北京时间）登记的党支部数和党员数计算");
        return new View(street.Id, year.Value, rule, [.. lines.Select(l => l.Line)],
            lines.Aggregate(Money.Zero, (sum, l) => sum + l.Entitled).ToString(),
            lines.Aggregate(Money.Zero, (sum, l) => sum + l.Disbursed).ToString());
    }

    /// <summary>Paid from a budget into the co-building fund, less what reversals took back to a budget.</summary>
    public static Money Disbursed(IEnumerable<Movement> movements, AccountId fund)
    {
        var all = movements.ToList();
        return Sum(all.Where(m => m.To == fund && m.From.Kind == AccountKind.Budget))
            - Sum(all.Where(m => m.From == fund && m.To.Kind == AccountKind.Budget));
    }

    private static Money Sum(IEnumerable<Movement> movements) => movements.Aggregate(Money.Zero, (sum, m) => sum + m.Amount);
}
