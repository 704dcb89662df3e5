using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Organisations;

/// <summary>
/// Who may do what with organisations and the roles held at them: every organisation rule, in one place. Reading the
/// directory (one organisation, or the children of one) is open to every signed-in caller: residents pick their
/// community and grid from it.
/// </summary>
public static class OrgPolicy
{
    /// <summary>A top-level district: only an admin over every organisation.</summary>
    public static bool MayCreateDistrict(Caller caller) => caller.IsGlobalAdmin;

    /// <summary>Anything below a district: an admin of the parent, or of an organisation above it.</summary>
    public static bool MayCreateUnder(Caller caller, Org parent) => caller.IsAdminOf(parent.Path);

    /// <summary>Granting and revoking the roles held at an organisation: its admins, or admins above it.</summary>
    public static bool MayManageRolesAt(Caller caller, Org org) => caller.IsAdminOf(org.Path);

    /// <summary>
    /// Nobody grants a role to themselves, so nobody widens their own reach: a community admin who made itself a
    /// unit's liaison would read the whole street.
    /// </summary>
    public static bool MayGrantTo(Caller caller, string userId) => userId != caller.UserId;

    /// <summary>
    /// Editing an organisation's registry figures (and reading who did): admins at or above it. Not a unit's own liaison — its
    /// party counts decide the co-building funds it is entitled to (Funding), so the figure is kept by the admins above it.
    /// </summary>
    public static bool MayEdit(Caller caller, Org org) => caller.IsAdminOf(org.Path);
}
