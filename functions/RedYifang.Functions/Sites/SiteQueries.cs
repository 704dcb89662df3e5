using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Sites;

/// <summary>Sites' public read side for other features (they never read its table).</summary>
public sealed class SiteQueries(SiteStore sites)
{
    /// <summary>Whether the organisation (of the district) itself keeps a party–mass service station (党群服务站).</summary>
    public async Task<bool> KeepsServiceStationAsync(IReadOnlyList<string> orgPath, CancellationToken ct) =>
        Keys.IsWellFormedId(orgPath[^1]) && await sites.KeepsAsync(orgPath[0], orgPath[^1], SiteKind.ServiceStation, ct);
}
