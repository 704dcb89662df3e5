namespace RedYifang.Functions.Assessment;

/// <param name="Rows">The part keys of the version (see <see cref="RankingVersion.Part"/>): each peer group's list chunks in
/// rank order, then its buckets of breakdowns in bucket order; each held in row <see cref="RankingScope.RowKey"/>.</param>
/// <param name="Retired">Rows of earlier versions that this one no longer names, and when they stopped being named: kept
/// for readers of an earlier version for <see cref="RankingStore.RetiredFor"/>, then deleted by the publish that moves this
/// row next.</param>
public sealed record RankingMeta(
    string Period,
    string Version,
    bool Final,
    DateTimeOffset GeneratedAt,
    string DistrictId,
    string ScopeId,
    bool StreetScope,
    IReadOnlyList<string> Rows,
    IReadOnlyList<RetiredRow> Retired)
{
    public RankingScope Scope => new(DistrictId, StreetScope ? ScopeId : null);
}
