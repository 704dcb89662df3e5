using RedYifang.Functions.Platform.Catalogue;

namespace RedYifang.Functions.PartyMembers;

/// <summary>
/// A report as the API shows it, to the member and to admins over the community: no contact details are collected, so none
/// are shown; the decision's reason is for both.
/// </summary>
public sealed record ReportView
{
    public required string Id { get; init; }
    public required string DistrictId { get; init; }
    public required string UserId { get; init; }
    public required string CommunityId { get; init; }
    public string? GridId { get; init; }
    public string? WorkUnitId { get; init; }
    public string? WorkUnitName { get; init; }
    public required IReadOnlyList<string> Skills { get; init; }
    public required IReadOnlyList<CategoryView> ServiceCategories { get; init; }
    public required ReportState State { get; init; }
    public ReportDecision? Decision { get; init; }

    /// <summary>Where approval grants (or granted) <c>partyMember</c>.</summary>
    public required string GrantOrgId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    public sealed record CategoryView(Category Category, string Name);

    public static ReportView From(PartyMemberReport r) => new()
    {
        Id = r.Id, DistrictId = r.DistrictId, UserId = r.UserId, CommunityId = r.CommunityId, GridId = r.GridId, WorkUnitId = r.WorkUnitId,
        WorkUnitName = r.WorkUnitName, Skills = r.Skills,
        ServiceCategories = [.. r.ServiceCategories.Select(c => new CategoryView(c, c.Chinese()))],
        State = r.State, Decision = r.Decision, GrantOrgId = r.GrantOrgId, CreatedAt = r.CreatedAt, UpdatedAt = r.UpdatedAt,
    };
}
