using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Alliances;

/// <summary>
/// A street's alliance (<c>?streetId=</c>: a page of none or one), or a district's alliances (<c>?districtId=</c>, for admins over
/// the district), each with its chair today. Exactly one of the two.
/// </summary>
public sealed class ListAlliances(AllianceStore alliances, OrgStore orgs, TimeProvider clock)
{
    public sealed record Request(string? StreetId, string? DistrictId, Paging Paging);

    public async Task<ListPage<AllianceView>> HandleAsync(Caller caller, Request request, CancellationToken ct)
    {
        var v = new Validator();
        var streetId = v.Id("streetId", request.StreetId, required: false);
        var districtId = v.Id("districtId", request.DistrictId, required: false);
        if ((request.StreetId is null) == (request.DistrictId is null))
        {
            v.Add("streetId", new("须填写 streetId 或 districtId 之一", "give one of streetId and districtId"));
        }
        v.ThrowIfInvalid();

        var org = await orgs.FindAsync(streetId ?? districtId!, ct) ?? throw Problems.NotFound("organisation");
        ListPage<Alliance> page;
        if (streetId is not null)
        {
            if (org.Kind != OrgKind.Street) throw Problems.NotFound("organisation");
            if (!AlliancePolicy.MayReadIn(caller, org.Path)) throw Problems.Forbidden();
            var alliance = await alliances.FindByStreetAsync(org.Path[0], org.Id, ct);
            page = new ListPage<Alliance>(alliance is null ? [] : [alliance], null);
        }
        else
        {
            if (org.Kind != OrgKind.District) throw Problems.NotFound("organisation");
            if (!AlliancePolicy.MayListIn(caller, org.Path)) throw Problems.Forbidden();
            page = await alliances.ListAsync(org.Id, request.Paging, ct);
        }
        var today = ChinaTime.Today(clock.GetUtcNow());
        var views = await Task.WhenAll(page.Items.Select(async a =>
            AllianceView.From(a, (await alliances.ChairsAsync(a, ct)).Value.On(today))));
        return new ListPage<AllianceView>(views, page.ContinuationToken);
    }
}
