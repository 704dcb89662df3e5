using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Sites;

/// <summary>
/// The sites of one scope — an owner (<c>ownerOrgId</c>: its own sites), a street or a community (<c>streetId</c>,
/// <c>communityId</c>: every site of an organisation there) — optionally of one kind, each only if the caller may see it
/// (<see cref="SitePolicy.MayRead"/>): so a unit's liaison listing its street sees the street's shared sites and its unit's own.
/// One range of the district's partition; a page may hold fewer items than asked while more follow.
/// </summary>
public sealed class ListSites(SiteStore sites, OrgStore orgs)
{
    public sealed record Request(string? OwnerOrgId, string? StreetId, string? CommunityId, string? Kind, Paging Paging);

    public async Task<ListPage<Site>> HandleAsync(Caller caller, Request request, CancellationToken ct)
    {
        var v = new Validator();
        var ownerOrgId = v.Id("ownerOrgId", request.OwnerOrgId, required: false);
        var streetId = v.Id("streetId", request.StreetId, required: false);
        var communityId = v.Id("communityId", request.CommunityId, required: false);
        var kind = v.OneOf<SiteKind>("kind", request.Kind, required: false);
        var given = new[] { request.OwnerOrgId, request.StreetId, request.CommunityId }.Count(p => p is not null);
        if (given != 1)
        {
            v.Add("ownerOrgId", new("须且只能给出 ownerOrgId、streetId、communityId 之一", "give exactly one of ownerOrgId, streetId, communityId"));
        }
        v.ThrowIfInvalid();

        var (scopeId, expected) = (ownerOrgId, streetId, communityId) switch
        {
            ({ } o, _, _) => (o, (OrgKind?)null),
            (_, { } s, _) => (s, OrgKind.Street),
            (_, _, { } c) => (c, OrgKind.Community),
            _ => throw new InvalidOperationException("One scope was checked above."),
        };
        var scope = await orgs.FindAsync(scopeId, ct);
        if (scope is null || (expected is { } k && scope.Kind != k)) throw Problems.NotFound("organisation");
        return await sites.ListScopeAsync(scope.Path[0], scope.Id, ownerOrgId, kind, s => SitePolicy.MayRead(caller, s), request.Paging,
            ct);
    }
}
