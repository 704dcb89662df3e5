namespace RedYifang.Functions.Activities;

/// <summary>
/// What an activity starts with, validated (<see cref="CreateActivity.Validate"/>): everything but its id, places and author.
/// </summary>
public sealed record NewActivity
{
    public required string OrganiserOrgId { get; init; }
    public required ActivityKind Kind { get; init; }
    public required string Title { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required DateTimeOffset EndsAt { get; init; }
    public int? Capacity { get; init; }
    public string? SiteId { get; init; }
    public string? AgreementId { get; init; }
    public int? CommitmentIndex { get; init; }
    public string? OrderId { get; init; }
}
