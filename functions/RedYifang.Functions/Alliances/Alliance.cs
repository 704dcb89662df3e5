namespace RedYifang.Functions.Alliances;

/// <summary>
/// A street's party-building alliance (党建联盟): one per street, run by the street's admins. Its members, committee seats,
/// chair terms and meetings are rows of their own beside it (<see cref="AllianceStore"/>); the alliance itself never changes
/// once written. The street's path is kept on it, so scope checks need no extra read, and its district
/// (<see cref="DistrictId"/>) is the partition every row of it lives in.
/// </summary>
public sealed record Alliance
{
    public required string Id { get; init; }
    public required string DistrictId { get; init; }
    public required string StreetId { get; init; }
    public required IReadOnlyList<string> StreetPath { get; init; }
    public required string Name { get; init; }
    public required string CreatedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    public static (Alliance Alliance, AllianceEvent Event) Create(string id, IReadOnlyList<string> streetPath, string name, string by,
        DateTimeOffset at)
    {
        var alliance = new Alliance
        {
            Id = id, DistrictId = streetPath[0], StreetId = streetPath[^1], StreetPath = streetPath, Name = name, CreatedBy = by,
            CreatedAt = at,
        };
        return (alliance, new AllianceEvent.Created(alliance));
    }
}
