using System.Globalization;
using RedYifang.Functions.Platform.Catalogue;

namespace RedYifang.Functions.Resources;

/// <summary>A resource as the API shows it: money as a yuan string ("1000.00"), dates as YYYY-MM-DD, the category's Chinese name.</summary>
public sealed record ResourceView
{
    public required string Id { get; init; }
    public required string UnitId { get; init; }
    public required string Title { get; init; }
    public required Category Category { get; init; }
    public required string CategoryName { get; init; }
    public required string Description { get; init; }
    public required ResourceKind Kind { get; init; }
    public string? Amount { get; init; }
    public required IReadOnlyList<string> AreaIds { get; init; }
    public required int MonthlyCapacity { get; init; }
    public required IReadOnlyList<AvailabilityWindow> Availability { get; init; }
    public required string ValidFrom { get; init; }
    public required string ValidTo { get; init; }
    public required IReadOnlyList<string> Tags { get; init; }
    public required ResourceState State { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    public static ResourceView From(Resource r) => new()
    {
        Id = r.Id, UnitId = r.UnitId, Title = r.Title, Category = r.Category, CategoryName = r.Category.Chinese(), Description = r
            .Description,
        Kind = r.Kind, Amount = r.Amount?.ToString("0.00", CultureInfo.InvariantCulture), AreaIds = r.AreaIds, MonthlyCapacity = r
            .MonthlyCapacity,
        Availability = r.Availability, ValidFrom = r.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ValidTo = r.ValidTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Tags = r.Tags, State = r.State, CreatedAt = r.CreatedAt,
        UpdatedAt = r.UpdatedAt,
    };
}
