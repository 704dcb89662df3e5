namespace RedYifang.Functions.Sites;

/// <summary>What a <c>PATCH</c> changes, validated (<see cref="EditSite.Validate"/>): null leaves a field as it is.</summary>
public sealed record SiteEdit
{
    public string? Name { get; init; }
    public string? Address { get; init; }
    public decimal? FloorAreaM2 { get; init; }
    public int? Capacity { get; init; }
    public OpeningHours? Hours { get; init; }
    public bool? SharedUse { get; init; }
    public IReadOnlyList<string>? Facilities { get; init; }
}
