using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Assessment;

/// <summary>
/// The awards list (<c>GET /v1/awards/eligibility?year=&amp;districtId=|streetId=</c>), for admins over the district or the
/// street: every unit and volunteer team of the scope with its eligibility (<see cref="AwardRules"/>). It lives here because
/// both of its facts already reach the assessment as facts of its own — co-building participation (orders, activities,
/// deliveries) and, from each closed evaluation window, the opinions from above (<see cref="EvaluationTranslator"/>) — so it
/// reads the year's running totals of the district (twelve key ranges) and the district's organisations, nothing of another
/// feature's store.
/// </summary>
public sealed class GetAwardEligibility(FactStore facts, DistrictOrgs districtOrgs, OrgStore orgs)
{
    public static readonly IReadOnlyList<string> Awards = ["先进党组织", "文明单位"];

    public async Task<AwardEligibilityView> HandleAsync(Caller caller, string? yearText, string? districtId, string? streetId,
        CancellationToken ct)
    {
        var v = new Validator();
        Period? year = null;
        if (yearText is null) v.Add("year", Validator.Required);
        else if (yearText.Length != 4 || !AsciiNumber.TryParse(yearText, 4, out _) || !Period.TryParse(yearText, out year))
        {
            v.Add("year", new("须为四位数的年份，如 2026", "must be a year like 2026"));
        }
        var scopeId = districtId is not null ? v.Id("districtId", districtId) : v.Id("streetId", streetId, required: false);
        if ((districtId is null) == (streetId is null))
        {
            v.Add(districtId is null ? "streetId" : "districtId",
                new("须且只能给出 districtId 或 streetId 之一", "give exactly one of districtId and streetId"));
        }
        v.ThrowIfInvalid();

        var scope = await orgs.FindAsync(scopeId!, ct);
        if (scope is null || scope.Kind != (districtId is not null ? OrgKind.District : OrgKind.Street))
        {
            throw Problems.NotFound("organisation");
        }
        if (!AssessmentPolicy.MaySeeAwards(caller, scope)) throw Problems.Forbidden();

        var district = scope.Path[0];
        var membersTask = districtOrgs.InDistrictAsync(district, ct);
        var totalsTask = facts.TotalsAsync(year!, district, ct);
        await Task.WhenAll(membersTask, totalsTask);
        var all = (await membersTask).ToDictionary(o => o.Id, StringComparer.Ordinal);
        var totals = await totalsTask;
        var items = all.Values
            .Where(o => o.Kind is OrgKind.Unit or OrgKind.VolunteerTeam && o.Path.Contains(scope.Id) && o.Path.Count > 1)
            .Select(o =>
            {
                var communityId = AwardRules.CommunityOf(o, all);
                var ofYear = totals.GetValueOrDefault(o.Id, Totals.Empty);
                var reasons = AwardRules.Reasons(o, communityId, ofYear);
                return new AwardEligibilityView.Item(o.Id, o.Name, o.Kind, o.Path[1], communityId, ofYear.Participated, reasons.Count == 0,
                    [.. reasons.Select(r => new AwardEligibilityView.Reason(r, AwardRules.Chinese[r]))]);
            })
            .OrderBy(i => i.StreetId, StringComparer.Ordinal)
            .ThenBy(i => i.CommunityId ?? "", StringComparer.Ordinal)
            .ThenBy(i => i.OrgId, StringComparer.Ordinal)
            .ToList();
        return new AwardEligibilityView(year!.Start.Year, scope.Id, district, Awards, items);
    }
}
