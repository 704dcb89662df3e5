using System.Globalization;
using RedYifang.Functions.Platform.Catalogue;

namespace RedYifang.Functions.Resources;

/// <summary>A resource as the API shows it: money as a yuan string ("1000.00"), the category's Chinese name.</summary>
public sealed record ResourceView(
    string Id, string UnitId, string Title, Category Category, string CategoryName, string Description, ResourceKind Kind,
    string? Amount, IReadOnlyList<string> AreaIds, int MonthlyCapacity, IReadOnlyList<AvailabilityWindow> Availability,
    string ValidFrom, string ValidTo, IReadOnlyList<string> Tags, ResourceState State, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ResourceView From(Resource r) => new(r.Id, r.UnitId, r.Title, r.Category, r.Category.Chinese(), r.Description, r.Kind,
        r.Amount?.ToString("0.00", CultureInfo.InvariantCulture), r.AreaIds, r.MonthlyCapacity, r.Availability,
        r.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.ValidTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        r.Tags, r.State, r.CreatedAt, r.UpdatedAt);
}
