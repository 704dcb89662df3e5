using RedYifang.Functions.Platform.Catalogue;

namespace RedYifang.Functions.PartyMembers;

/// <summary>What a report starts with, validated (<see cref="SubmitReport.Validate"/>): everything but its id, places and author.</summary>
public sealed record NewReport
{
    public required string CommunityId { get; init; }
    public string? GridId { get; init; }

    /// <summary>The employer, when it is a registered unit; otherwise <see cref="WorkUnitName"/> names it.</summary>
    public string? WorkUnitId { get; init; }
    public string? WorkUnitName { get; init; }
    public required IReadOnlyList<string> Skills { get; init; }
    public required IReadOnlyList<Category> ServiceCategories { get; init; }
}
