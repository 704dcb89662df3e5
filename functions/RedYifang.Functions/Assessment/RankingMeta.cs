namespace RedYifang.Functions.Assessment;

/// <param name="Breakdowns">
/// The row keys of the version's breakdown rows, each peer group's in bucket order (see <see cref="RankingStore"/>);
/// null for a version written before they were named by their content (its rows are <c>v|{version}|org|{bucket}</c>).
/// </param>
public sealed record RankingMeta(
    string Period,
    string Version,
    bool Final,
    DateTimeOffset GeneratedAt,
    string ScopeId = "",
    bool StreetScope = false,
    IReadOnlyList<string>? Breakdowns = null)
{
    public RankingScope Scope => new(ScopeId, StreetScope);
}
