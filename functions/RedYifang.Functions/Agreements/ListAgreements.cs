using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Agreements;

/// <summary>
/// The agreements within an organisation — those where it, or an organisation under it, is a party (a street sees its own,
/// its communities' and its units') — for admins over it and a unit's liaisons; or, with <c>expiringWithinDays</c>, the
/// renewal list: its active agreements whose term ends within that many days (today, China Standard Time, counted), for
/// admins over it, soonest first. Each is one range of the district's partition.
/// </summary>
public sealed class ListAgreements(AgreementStore agreements, OrgStore orgs, TimeProvider clock)
{
    public const int MaxExpiringWithinDays = 366;

    public sealed record Request(string? OrgId, string? State, string? ExpiringWithinDays, Paging Paging);

    public async Task<ListPage<Agreement>> HandleAsync(Caller caller, Request request, CancellationToken ct)
    {
        var v = new Validator();
        var orgId = v.Id("orgId", request.OrgId);
        var state = v.OneOf<AgreementState>("state", request.State, required: false);
        int? within = null;
        if (request.ExpiringWithinDays is { } raw)
        {
            if (AsciiNumber.TryParse(raw, 3, out var days) && days is >= 1 and <= MaxExpiringWithinDays) within = days;
            else v.Add("expiringWithinDays", new LocalizedText("取值范围为 1–{0}", "must be between 1 and {0}").Format(MaxExpiringWithinDays));
        }
        if (within is not null && state is not null and not AgreementState.Active)
        {
            v.Add("state", new("续签提醒只列生效中的协议", "the renewal list holds active agreements only"));
        }
        v.ThrowIfInvalid();

        var org = await orgs.FindAsync(orgId!, ct) ?? throw Problems.NotFound("organisation");
        var districtId = org.Path[0];
        if (within is { } n)
        {
            if (!AgreementPolicy.MayListExpiring(caller, org.Path)) throw Problems.Forbidden();
            var today = ChinaTime.Today(clock.GetUtcNow());
            return await agreements.ListEndingAsync(districtId, org.Id, today, today.AddDays(n), request.Paging, ct);
        }
        if (!AgreementPolicy.MayList(caller, org.Path)) throw Problems.Forbidden();
        return await agreements.ListScopeAsync(districtId, org.Id, state, request.Paging, ct);
    }
}
