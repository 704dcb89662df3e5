using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.PartyMembers;

/// <summary>Who may see and do what with party members' reports and points: every rule of the feature, in one place.</summary>
public static class PartyMemberPolicy
{
    /// <summary>A report: the member who filed it, and admins over its community.</summary>
    public static bool MayRead(Caller caller, PartyMemberReport report) =>
        caller.UserId == report.UserId || caller.IsAdminOf(report.CommunityPath);

    /// <summary>
    /// Approving or declining: admins over the community (its own, the street's, the district's) — never the member themselves,
    /// since approval grants a role, and nobody grants a role to themselves (Organisations/OrgPolicy.cs).
    /// </summary>
    public static bool MayDecide(Caller caller, PartyMemberReport report) =>
        caller.IsAdminOf(report.CommunityPath) && caller.UserId != report.UserId;

    /// <summary>A community's reports: admins over it.</summary>
    public static bool MayListCommunity(Caller caller, IReadOnlyList<string> communityPath) => caller.IsAdminOf(communityPath);

    /// <summary>A district's points rules: written by admins over the district; read by anyone signed in (members see how they earn).</summary>
    public static bool MayWriteRules(Caller caller, IReadOnlyList<string> districtPath) => caller.IsAdminOf(districtPath);

    /// <summary>
    /// A member's ledger: the member, and admins over a community the member reported to and was approved in
    /// (<paramref name="memberCommunityPaths"/>).
    /// </summary>
    public static bool MayReadLedger(Caller caller, string memberId, IEnumerable<IReadOnlyList<string>> memberCommunityPaths) =>
        caller.UserId == memberId || memberCommunityPaths.Any(caller.IsAdminOf);

    /// <summary>A community's points ranking: admins over it, and its approved members.</summary>
    public static bool MayReadRanking(Caller caller, IReadOnlyList<string> communityPath, bool callerIsMember) =>
        callerIsMember || caller.IsAdminOf(communityPath);

    /// <summary>A work unit's quarterly summary (双岗双责): the employer — the unit's liaisons — and admins over the unit.</summary>
    public static bool MayReadUnitSummary(Caller caller, IReadOnlyList<string> unitPath) => caller.ActsFor(unitPath);
}
