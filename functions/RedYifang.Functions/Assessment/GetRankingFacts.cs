using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Assessment;

/// <summary>The facts behind an organisation's score in a period, each traceable to its order (the organisation and admins over it).</summary>
public sealed class GetRankingFacts(FactStore facts, OrgStore orgs)
{
    public async Task<object> HandleAsync(Caller caller, string periodText, string orgId, CancellationToken ct)
    {
        var period = IndicatorSets.ParsePeriod(periodText);
        var org = await orgs.FindAsync(orgId, ct);
        if (org is null || !AssessmentPolicy.MaySeeFacts(caller, org)) throw Problems.NotFound("organisation");
        return new { period = period.Text, orgId, districtId = org.Path[0], items = await facts.FactsAsync(
            period,
            org.Path[0],
            orgId,
            ct) };
    }
}
