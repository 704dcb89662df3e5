namespace RedYifang.Functions.Sites;

/// <summary>What a site starts with, validated (<see cref="CreateSite.Validate"/>): everything but its id, places and author.</summary>
public sealed record NewSite
{
    public required string OwnerOrgId { get; init; }
    public required SiteKind Kind { get; init; }
    public required string Name { get; init; }
    public required string Address { get; init; }
    public required decimal FloorAreaM2 { get; init; }
    public required int Capacity { get; init; }
    public required OpeningHours Hours { get; init; }
    public required bool SharedUse { get; init; }
    public required IReadOnlyList<string> Facilities { get; init; }
}
