using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Funding;

/// <summary>Who may do what with the ledger: every funding rule of who acts, in one place.</summary>
public static class FundingPolicy
{
    /// <summary>
    /// A budget is its own organisation's: the district's admin sets the district fund and pays from it, a street's admin the
    /// street's (an admin above the street does not spend the street's money), and an admin over every organisation either.
    /// </summary>
    public static bool MayManageBudget(Caller caller, Org holder) =>
        caller.IsGlobalAdmin || caller.Roles.Any(r => r.Role.IsAdmin() && r.OrgId == holder.Id);

    /// <summary>
    /// Paying from an account: a budget's admin (above); a co-building fund or a donor account: the unit's liaison or an admin
    /// over the unit; nothing else pays.
    /// </summary>
    public static bool MayPayFrom(Caller caller, AccountId from, Org holder) => from.Kind switch
    {
        AccountKind.Budget => MayManageBudget(caller, holder),
        AccountKind.CoBuilding or AccountKind.Donor => caller.ActsFor(holder.Path),
        _ => false,
    };

    /// <summary>Reading an organisation's accounts and movements: whoever acts for it or an admin above it.</summary>
    public static bool MayRead(Caller caller, Org holder) => caller.ActsFor(holder.Path);

    /// <summary>A street's entitlements: its admins and admins above it.</summary>
    public static bool MaySeeEntitlements(Caller caller, Org street) => caller.IsAdminOf(street.Path);
}
