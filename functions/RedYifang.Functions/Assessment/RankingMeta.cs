namespace RedYifang.Functions.Assessment;

/// <param name="Lists">
/// The row keys of the version's lists (see <see cref="RankingVersion"/>); null for a version written before its rows were
/// named by their content (its lists are <c>v|{version}|group|{group}|{chunk}</c>, its breakdowns
/// <c>v|{version}|org|{bucket}</c>).
/// </param>
/// <param name="Breakdowns">The row keys of the version's breakdowns, each peer group's in bucket order; null as above.</param>
public sealed record RankingMeta(
    string Period,
    string Version,
    bool Final,
    DateTimeOffset GeneratedAt,
    string ScopeId = "",
    bool StreetScope = false,
    IReadOnlyList<string>? Lists = null,
    IReadOnlyList<string>? Breakdowns = null)
{
    public RankingScope Scope => new(ScopeId, StreetScope);
}
