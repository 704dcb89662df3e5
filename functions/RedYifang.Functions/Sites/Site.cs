using System.Text.Json.Serialization;

namespace RedYifang.Functions.Sites;

/// <summary>
/// A site (阵地) an organisation keeps: an organisation-life base, a party–mass service station or a liaison station, with its
/// address, floor area (m², two decimals at most), capacity, opening hours, facilities, and whether it is shared (阵地联用:
/// bookable by the organisations of its street). The owner's path is kept on it, so scope checks need no extra read; its
/// district is the partition every row of it lives in; <see cref="StreetId"/> is the street whose "activity circle" its area
/// counts for. Each change is the next <see cref="Version"/> (its ETag). It changes only through its own methods, which return
/// the new site and the events the change caused.
/// </summary>
public sealed record Site
{
    public required string Id { get; init; }
    public required string DistrictId { get; init; }
    public required string StreetId { get; init; }
    public required string OwnerOrgId { get; init; }
    public required IReadOnlyList<string> OwnerPath { get; init; }
    public required SiteKind Kind { get; init; }
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

    /// <summary>The ETag of this version (<c>If-Match</c> on the next change).</summary>
    [JsonIgnore]
    public string ETag => $"\"v{Version}\"";

    [JsonIgnore]
    public OpeningHours Hours => Sites.OpeningHours.FromText(OpeningHours);

    /// <summary>A new site of an owner at the street level or below (<paramref name="ownerPath"/>: district, street, …, owner).</summary>
    public static SiteChange Register(NewSite draft, string id, IReadOnlyList<string> ownerPath, string by, DateTimeOffset at)
    {
        var site = new Site
        {
            Id = id, DistrictId = ownerPath[0], StreetId = ownerPath[1], OwnerOrgId = ownerPath[^1], OwnerPath = ownerPath,
            Kind = draft.Kind, Name = draft.Name, Address = draft.Address, FloorAreaM2 = draft.FloorAreaM2, Capacity = draft.Capacity,
            OpeningHours = draft.Hours.ToText(), SharedUse = draft.SharedUse, Facilities = draft.Facilities, Version = 1, CreatedBy = by,
            CreatedAt = at, UpdatedBy = by, UpdatedAt = at,
        };
        return new SiteChange(site, [new SiteEvent.Registered(site)]);
    }

    /// <summary>The site with the fields the edit gives replaced (kind and owner never change), as the next version.</summary>
    public SiteChange Edit(SiteEdit edit, string by, DateTimeOffset at)
    {
        var after = this with
        {
            Name = edit.Name ?? Name, Address = edit.Address ?? Address, FloorAreaM2 = edit.FloorAreaM2 ?? FloorAreaM2,
            Capacity = edit.Capacity ?? Capacity, OpeningHours = edit.Hours?.ToText() ?? OpeningHours,
            SharedUse = edit.SharedUse ?? SharedUse, Facilities = edit.Facilities ?? Facilities, Version = Version + 1, UpdatedBy = by,
            UpdatedAt = at,
        };
        return new SiteChange(after, [new SiteEvent.Changed(after, this)]);
    }
}
