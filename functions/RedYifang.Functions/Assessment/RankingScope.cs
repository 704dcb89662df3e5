namespace RedYifang.Functions.Assessment;

/// <summary>
/// Which ranking: of a district's peer groups (<paramref name="StreetId"/> null), or of one street's (members of the street
/// only, ranked 1..n). Every scope of a district shares the district's partition of a period (<see cref="RankingStore"/>).
/// </summary>
public sealed record RankingScope(string DistrictId, string? StreetId)
{
    public string OrgId => StreetId ?? DistrictId;

    public bool IsStreet => StreetId is not null;

    public static string Partition(string districtId, string period) => $"{districtId}|{period}";

    public string Partition(string period) => Partition(DistrictId, period);

    /// <summary>The scope's meta row: <c>meta|{orgId}</c>.</summary>
    public string MetaKey => RankingStore.MetaPrefix + OrgId;

    /// <summary>The row of one of the scope's parts (<see cref="RankingVersion.Part.Key"/>): <c>r|{orgId}|{part}</c>.</summary>
    public string RowKey(string part) => $"r|{OrgId}|{part}";
}
