using System.Globalization;
using Microsoft.Extensions.Options;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Sites;

/// <summary>
/// A street's compliance with the area standard, for admins at or over it: its non-public enterprises (units of unit kind
/// nonPublicEnterprise registered in the street or its communities, from Organisations' registry), the area they require, and the
/// floor area of the street's shared sites (one filtered range of this feature's table).
/// </summary>
public sealed class GetCompliance(SiteStore sites, OrgStore orgs, IOptions<SiteOptions> options)
{
    public async Task<ComplianceView> HandleAsync(Caller caller, string? streetIdText, CancellationToken ct)
    {
        var v = new Validator();
        var streetId = v.Id("streetId", streetIdText);
        v.ThrowIfInvalid();
        var street = await orgs.FindAsync(streetId!, ct);
        if (street is not { Kind: OrgKind.Street }) throw Problems.NotFound("organisation");
        if (!SitePolicy.MaySeeCompliance(caller, street.Path)) throw Problems.Forbidden();

        var enterprises = (await orgs.InDistrictAsync(street.Path[0], ct))
            .Count(o => o is { Kind: OrgKind.Unit, UnitKind: UnitKind.NonPublicEnterprise } && o.Path.Contains(street.Id));
        var shared = await sites.SharedUnderAsync(street.Path[0], street.Id, ct);
        var rule = options.Value;
        var required = ComplianceRule.Required(enterprises, rule);
        var area = ComplianceRule.SharedArea(shared);
        var text = string.Format(CultureInfo.InvariantCulture, "每 {0} 家非公企业（不足 {0} 家按 {0} 家计）不少于 {1} 平方米共享阵地",
            rule.EnterprisesPerBlock, rule.AreaPerBlockM2);
        return new ComplianceView(street.Id, enterprises, new ComplianceView.RuleView(rule.AreaPerBlockM2, rule.EnterprisesPerBlock, text),
            required, shared.Count, area, ComplianceRule.Complies(area, required));
    }
}
