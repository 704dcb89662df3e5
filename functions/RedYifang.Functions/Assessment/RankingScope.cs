
namespace RedYifang.Functions.Assessment;

/// <summary>Which ranking: of a district's peer groups, or of one street's (members of the street only, ranked 1..n).</summary>
public sealed record RankingScope(string OrgId, bool IsStreet)
{
    public string Partition(string period) => $"{OrgId}|{period}";
}
