using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Sites;

/// <summary>
/// The steps site use cases share: read the site the caller may see (404 otherwise), and check that they may manage it (403).
/// </summary>
public sealed class SiteChanges(SiteStore sites, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The site, if the caller may see it (<see cref="SitePolicy.MayRead"/>); 404 otherwise.</summary>
    public async Task<StoredSite> ReadAsync(Caller caller, string id, CancellationToken ct)
    {
        var stored = await sites.FindAsync(id, ct);
        return stored is not null && SitePolicy.MayRead(caller, stored.Site) ? stored : throw Problems.NotFound("site");
    }

    /// <summary>The site, for whoever acts for its owner (<see cref="SitePolicy.MayManage"/>): 404 unseen, 403 seen.</summary>
    public async Task<StoredSite> ManageAsync(Caller caller, string id, CancellationToken ct)
    {
        var stored = await ReadAsync(caller, id, ct);
        return SitePolicy.MayManage(caller, stored.Site) ? stored : throw Problems.Forbidden();
    }
}
