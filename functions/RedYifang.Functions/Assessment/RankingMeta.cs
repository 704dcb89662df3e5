namespace RedYifang.Functions.Assessment;

/// <param name="Rows">The row keys of the version's parts (see <see cref="RankingVersion.Part"/>): each peer group's list
/// chunks in rank order, then its buckets of breakdowns in bucket order.</param>
public sealed record RankingMeta(
    string Period,
    string Version,
    bool Final,
    DateTimeOffset GeneratedAt,
    string ScopeId,
    bool StreetScope,
    IReadOnlyList<string> Rows)
{
    public RankingScope Scope => new(ScopeId, StreetScope);
}
