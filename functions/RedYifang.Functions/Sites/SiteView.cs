namespace RedYifang.Functions.Sites;

/// <summary>
/// A site as the API shows it: the kind with its Chinese name, the version whose ETag (<c>"v{version}"</c>) an edit names.
/// </summary>
public sealed record SiteView
{
    public required string Id { get; init; }
    public required string DistrictId { get; init; }
    public required string StreetId { get; init; }
    public required string OwnerOrgId { get; init; }
    public required SiteKind Kind { get; init; }
    public required string KindName { get; init; }
    public required string Name { get; init; }
    public required string Address { get; init; }
    public required decimal FloorAreaM2 { get; init; }
    public required int Capacity { get; init; }
    public required IReadOnlyDictionary<string, string> OpeningHours { get; init; }
    public required bool SharedUse { get; init; }
    public required IReadOnlyList<string> Facilities { get; init; }
    public required int Version { get; init; }
    public required string CreatedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string UpdatedBy { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    public static SiteView From(Site s) => new()
    {
        Id = s.Id, DistrictId = s.DistrictId, StreetId = s.StreetId, OwnerOrgId = s.OwnerOrgId, Kind = s.Kind, KindName = s.Kind.Chinese(),
        Name = s.Name, Address = s.Address, FloorAreaM2 = s.FloorAreaM2, Capacity = s.Capacity, OpeningHours = s.OpeningHours,
        SharedUse = s.SharedUse, Facilities = s.Facilities, Version = s.Version, CreatedBy = s.CreatedBy, CreatedAt = s.CreatedAt,
        UpdatedBy = s.UpdatedBy, UpdatedAt = s.UpdatedAt,
    };
}
