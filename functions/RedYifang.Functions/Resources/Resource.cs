using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Resources;

/// <summary>A unit's service resource (服务资源清单). <see cref="UnitPath"/> places the unit in the hierarchy.</summary>
public sealed record Resource
{
    public required string Id { get; init; }
    public required string UnitId { get; init; }
    public required IReadOnlyList<string> UnitPath { get; init; }
    public required string Title { get; init; }
    public required Category Category { get; init; }
    public required string Description { get; init; }
    public required ResourceKind Kind { get; init; }

    /// <summary>Yuan, for <see cref="ResourceKind.Funds"/> only.</summary>
    public decimal? Amount { get; init; }
    public required IReadOnlyList<string> AreaIds { get; init; }
    public required int MonthlyCapacity { get; init; }
    public IReadOnlyList<AvailabilityWindow> Availability { get; init; } = [];
    public required DateOnly ValidFrom { get; init; }
    public required DateOnly ValidTo { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public required ResourceState State { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Counts the resource's versions (1 when created, and in rows written before versions were kept).</summary>
    public int Version { get; init; } = 1;

    /// <summary>The ETag of this version (<c>If-Match</c> on an edit).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string ETag => $"\"v{Version}\"";

    public ResourceChange Apply(ResourceAction action, DateTimeOffset at)
    {
        var after = this with { State = ResourceLifecycle.Target(action, State), UpdatedAt = at, Version = Version + 1 };
        return new ResourceChange(after, new ResourceEvent(after, EnumText.ToText(action)));
    }

    /// <summary>
    /// Replaces the fields the edit gives (issue 17); the orders it can serve — now or before, when its areas change — are ranked
    /// again.
    /// </summary>
    public ResourceChange Edit(ResourceEdit edit, DateTimeOffset at)
    {
        var after = this with
        {
            Description = edit.Description ?? Description, MonthlyCapacity = edit.MonthlyCapacity ?? MonthlyCapacity,
            Availability = edit.Availability ?? Availability, AreaIds = edit.AreaIds ?? AreaIds, Tags = edit.Tags ?? Tags,
            UpdatedAt = at, Version = Version + 1,
        };
        var formerAreas = AreaIds.Except(after.AreaIds).ToList();
        return new ResourceChange(after, new ResourceEvent(after, "edit") { FormerAreaIds = formerAreas });
    }
}
