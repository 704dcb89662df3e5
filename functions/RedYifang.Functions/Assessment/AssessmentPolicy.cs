using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Assessment;

/// <summary>
/// Who may do what with the assessment (比实绩). Rankings, breakdowns and indicator sets are public (the report
/// publishes them); everything else is scoped to the admins over a district or street, or to the organisation itself.
/// </summary>
public static class AssessmentPolicy
{
    /// <summary>Setting a district's indicators and asking for its run: admins over the district (and bootstrap admins).</summary>
    public static bool MayManage(Caller caller, Org district) => caller.IsAdminOf(district.Path);

    /// <summary>The spreadsheet of a district's or street's ranking: admins over that scope.</summary>
    public static bool MayExport(Caller caller, Org scope) => caller.IsAdminOf(scope.Path);

    /// <summary>The facts behind an organisation's score: the organisation itself (its liaison) and admins over it.</summary>
    public static bool MaySeeFacts(Caller caller, Org org) => caller.ActsFor(org.Path);

    /// <summary>Outcome statistics of a district, street or community: admins over it.</summary>
    public static bool MaySeeStatistics(Caller caller, Org scope) => caller.IsAdminOf(scope.Path);

    /// <summary>The awards list of a district or street (先进党组织 / 文明单位 eligibility): admins over it.</summary>
    public static bool MaySeeAwards(Caller caller, Org scope) => caller.IsAdminOf(scope.Path);
}
