using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.PartyMembers;

/// <summary>A district's points rules for a year (the current version), for anyone signed in; 404 until the district sets them.</summary>
public sealed class GetPointsRules(PointsRulesStore rules, OrgStore orgs)
{
    public async Task<PointsRules> HandleAsync(string districtId, string yearText, CancellationToken ct)
    {
        var year = PutPointsRules.ParseYear(yearText);
        if (await orgs.FindAsync(districtId, ct) is not { Kind: OrgKind.District } district) throw Problems.NotFound("organisation");
        return (await rules.CurrentAsync(district.Id, year, ct))?.Rules ?? throw Problems.NotFound("points rules");
    }
}
