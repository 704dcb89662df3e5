using System.Text.Json.Serialization;
using RedYifang.Functions.Platform.Catalogue;

namespace RedYifang.Functions.PartyMembers;

/// <summary>
/// An in-service party member's report to their home community (在职党员进社区报到): where they live (the community, and the
/// grid when they name one), where they work (a registered unit, or its name), their skills and the services they offer. It
/// is pending until an admin over the community approves it (the member then holds <c>partyMember</c> at the grid, or else
/// the community) or declines it with a reason. The community's path is kept on it, so scope checks need no extra read; its
/// district (<see cref="DistrictId"/>) is the partition every row of it lives in. It changes only through its own methods.
/// </summary>
public sealed record PartyMemberReport
{
    public const int MaxSkills = 10;

    public required string Id { get; init; }
    public required string DistrictId { get; init; }
    public required string UserId { get; init; }
    public required string CommunityId { get; init; }
    public required IReadOnlyList<string> CommunityPath { get; init; }
    public string? GridId { get; init; }
    public string? WorkUnitId { get; init; }
    public string? WorkUnitName { get; init; }
    public required IReadOnlyList<string> Skills { get; init; }
    public required IReadOnlyList<Category> ServiceCategories { get; init; }
    public required ReportState State { get; init; }
    public ReportDecision? Decision { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Where approval grants <c>partyMember</c>: the grid the member named, else the community.</summary>
    [JsonIgnore]
    public string GrantOrgId => GridId ?? CommunityId;

    public static ReportChange Submit(NewReport draft, string id, IReadOnlyList<string> communityPath, string by, DateTimeOffset at)
    {
        var report = new PartyMemberReport
        {
            Id = id, DistrictId = communityPath[0], UserId = by, CommunityId = communityPath[^1], CommunityPath = communityPath,
            GridId = draft.GridId, WorkUnitId = draft.WorkUnitId, WorkUnitName = draft.WorkUnitName, Skills = draft.Skills,
            ServiceCategories = draft.ServiceCategories, State = ReportState.Pending, CreatedAt = at, UpdatedAt = at,
        };
        return new ReportChange(report, [new ReportEvent.Submitted(report)]);
    }

    public ReportChange Approve(string by, DateTimeOffset at)
    {
        var after = Decide(ReportState.Approved, new ReportDecision(by, at, null));
        return new ReportChange(after, [new ReportEvent.Approved(after)]);
    }

    public ReportChange Decline(string by, DateTimeOffset at, string reason)
    {
        var after = Decide(ReportState.Declined, new ReportDecision(by, at, reason));
        return new ReportChange(after, [new ReportEvent.Declined(after)]);
    }

    /// <summary>A report is decided once: only a pending one may be approved or declined.</summary>
    private PartyMemberReport Decide(ReportState to, ReportDecision decision) =>
        State == ReportState.Pending
            ? this with { State = to, Decision = decision, UpdatedAt = decision.At }
            : throw PartyMemberProblems.AlreadyDecided(State);
}
