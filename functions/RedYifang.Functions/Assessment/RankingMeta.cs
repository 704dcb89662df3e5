
namespace RedYifang.Functions.Assessment;

public sealed record RankingMeta(
    string Period,
    string Version,
    bool Final,
    DateTimeOffset GeneratedAt,
    string ScopeId = "",
    bool StreetScope = false)
{
    public RankingScope Scope => new(ScopeId, StreetScope);
}
