using RedYifang.Functions.Organisations;

namespace RedYifang.Functions.Assessment;

/// <summary>
/// The awards list of a year for a district or a street: each unit and volunteer team of the scope, whether it is eligible for
/// 先进党组织 / 文明单位 (<see cref="Awards"/>), and if not, why — codes with their Chinese text.
/// </summary>
public sealed record AwardEligibilityView(
    int Year,
    string ScopeOrgId,
    string DistrictId,
    IReadOnlyList<string> Awards,
    IReadOnlyList<AwardEligibilityView.Item> Items)
{
    public sealed record Item(
        string OrgId,
        string Name,
        OrgKind Kind,
        string StreetId,
        string? CommunityId,
        bool Participated,
        bool Eligible,
        IReadOnlyList<Reason> Reasons);

    public sealed record Reason(AwardReason Code, string Text);
}
