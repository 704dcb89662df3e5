using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Orders;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Resources;

namespace RedYifang.Functions.Assessment;

/// <summary>The outcome figures (成效) of domain.md, for a scope and period.</summary>
public sealed class Statistics(OrgStore orgs, FactStore facts, ResourceStore resources, OrderQueries orders, StationStore stations)
{
    public async Task<OutcomeFigures> ForAsync(Caller caller, string scopeOrgId, string periodText, CancellationToken ct)
    {
        var period = IndicatorSets.ParsePeriod(periodText);
        var scope = await orgs.FindAsync(scopeOrgId, ct);
        if (scope is null || !AssessmentPolicy.MaySeeStatistics(caller, scope)) throw Problems.NotFound("organisation");
        // Only the scope's own district is read (one key range), then narrowed to the scope: a district, street or community.
        var inScope = (await orgs.InDistrictAsync(scope.Path[0], ct)).Where(o => o.Path.Contains(scope.Id)).ToList();
        var communities = inScope.Where(o => o.Kind == OrgKind.Community).ToList();
        var units = inScope.Where(o => o.Kind == OrgKind.Unit).ToList();
        var totals = await facts.TotalsAsync(period, scope.Path[0], ct);
        var sum = communities.Select(c => totals.GetValueOrDefault(c.Id, Totals.Empty)).Aggregate(Totals.Empty, (a, b) => a.Plus(b));
        var enterprises = 0;
        foreach (var unit in units.Where(u => u.UnitKind is UnitKind.StateEnterprise or UnitKind.NonPublicEnterprise))
        {
            var page = await resources.ListByUnitAsync(unit.Id, r => r.State == ResourceState.Published, new Paging(100, null), ct);
            if (page.Items.Count > 0) enterprises++;
        }
        var finished = sum.AcceptedWithEvidence + sum.Failures;
        // Served households set against the registry's: only communities with a households figure enter the share.
        var registered = communities.Where(c => c.Households is not null).ToList();
        int ServedIn(Org c) => HouseholdsServed.In(totals.GetValueOrDefault(c.Id, Totals.Empty), period);
        int? households = registered.Count == 0 ? null : registered.Sum(c => c.Households!.Value);
        return new OutcomeFigures
        {
            ScopeOrgId = scope.Id, Period = period.Text, Communities = communities.Count, RegisteredUnits = units.Count,
            LinkedUnits = units.Count(u => CoBuilding.Linked(totals.GetValueOrDefault(u.Id, Totals.Empty))),
            EnterprisesWithPublicServiceProjects = enterprises, VolunteerTeams = inScope.Count(o => o.Kind == OrgKind.VolunteerTeam),
            OrdersByStatus = await OrdersByStatusAsync(communities, ct), OrdersPublished = sum.Published, OrdersAccepted = sum
                .AcceptedWithEvidence,
            Beneficiaries = sum.Beneficiaries, ServiceHours = sum.ServiceHours,
            MedianResponseHours = sum.ResponseMinutes.Count == 0 ? null : Math.Round(RankingMath.Raw(Indicator.MedianResponseTime, sum), 2),
            AverageStars = sum.Rated == 0 ? null : Math.Round((double)sum.StarsSum / sum.Rated, 2),
            CompletionRate = finished == 0 ? null : Math.Round((double)sum.AcceptedWithEvidence / finished, 4),
            OrdersDeclined = units.Sum(u => totals.GetValueOrDefault(u.Id, Totals.Empty).Declined),
            ServicesStations = await stations.CountAsync(scope.Path[0], scope.Id, period.End, ct),
            FundsGiven = new Funding.Money(units.Sum(u => totals.GetValueOrDefault(u.Id, Totals.Empty).FundsGivenFen)).ToString(),
            HouseholdsServed = communities.Sum(ServedIn), Households = households,
            HouseholdsServedShare = HouseholdsServed.Share(registered.Sum(ServedIn), households),
            CommunitiesWithoutHouseholds = communities.Count - registered.Count,
        };
    }

    private async Task<Dictionary<string, int>> OrdersByStatusAsync(IEnumerable<Org> communities, CancellationToken ct)
    {
        var counts = Enum.GetValues<OrderState>().ToDictionary(EnumText.ToText, _ => 0);
        foreach (var community in communities)
        {
            foreach (var (state, count) in await orders.CountByStateAsync(community.Id, ct)) counts[EnumText.ToText(state)] += count;
        }
        return counts;
    }
}

internal sealed class StatisticsFunction(Statistics statistics)
{
    [Function("Statistics")]
    public async Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/stats")] HttpRequest req) =>
        ApiResult.Ok(await statistics.ForAsync(
            req.Caller(),
            req.Query["scopeOrgId"].ToString(),
            req.Query["period"].ToString(),
            req.HttpContext.RequestAborted));
}
