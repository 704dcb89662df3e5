namespace RedYifang.Functions.Resources;

/// <summary>What an edit of a resource changes (<c>PATCH /v1/resources/{id}</c>): each field given, validated; null keeps it.</summary>
public sealed record ResourceEdit
{
    public string? Description { get; init; }
    public int? MonthlyCapacity { get; init; }
    public IReadOnlyList<AvailabilityWindow>? Availability { get; init; }
    public IReadOnlyList<string>? AreaIds { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
}
