namespace RedYifang.Functions.Activities;

/// <summary>
/// An activity as the API shows it (never its check-in secret): the kind with its Chinese name, the check-in window, the
/// commitment it delivers; <see cref="CheckedIn"/> (how many have checked in) on <c>GET /v1/activities/{id}</c>, null in lists.
/// </summary>
public sealed record ActivityView
{
    public required string Id { get; init; }
    public required string DistrictId { get; init; }
    public required string OrganiserOrgId { get; init; }
    public required ActivityKind Kind { get; init; }
    public required string KindName { get; init; }
    public required string Title { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required DateTimeOffset EndsAt { get; init; }
    public required DateTimeOffset CheckinOpensAt { get; init; }
    public required DateTimeOffset CheckinClosesAt { get; init; }
    public int? Capacity { get; init; }
    public int? CheckedIn { get; init; }
    public string? SiteId { get; init; }
    public string? AgreementId { get; init; }
    public int? CommitmentIndex { get; init; }
    public Platform.Catalogue.Category? Category { get; init; }
    public string? OrderId { get; init; }
    public required ActivityState State { get; init; }
    public required IReadOnlyList<ActivityStep> History { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    public static ActivityView From(Activity a, int? checkedIn = null) => new()
    {
        Id = a.Id, DistrictId = a.DistrictId, OrganiserOrgId = a.OrganiserOrgId, Kind = a.Kind, KindName = a.Kind.Chinese(),
        Title = a.Title,
        StartsAt = a.StartsAt, EndsAt = a.EndsAt, CheckinOpensAt = a.CheckinOpensAt, CheckinClosesAt = a.CheckinClosesAt,
        Capacity = a.Capacity, CheckedIn = checkedIn, SiteId = a.SiteId, AgreementId = a.Agreement?.AgreementId,
        CommitmentIndex = a.Agreement?.CommitmentIndex, Category = a.Agreement?.Category, OrderId = a.OrderId, State = a.State,
        History = a.History, CreatedAt = a.CreatedAt, UpdatedAt = a.UpdatedAt,
    };
}
