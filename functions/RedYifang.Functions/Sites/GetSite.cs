using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Sites;

/// <summary>One site, to whoever acts for its owner and, when it is shared, to the organisations of its street.</summary>
public sealed class GetSite(SiteChanges changes)
{
    public async Task<Site> HandleAsync(Caller caller, string id, CancellationToken ct) => (await changes.ReadAsync(caller, id, ct)).Site;
}
