using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Sites;

/// <summary>Who may see and do what with sites and bookings: every site rule, in one place.</summary>
public static class SitePolicy
{
    /// <summary>
    /// Registering a site for an owner, and editing it: admins over the owner (its street's, community's, district's) and its
    /// liaisons.
    /// </summary>
    public static bool MayManageFor(Caller caller, IReadOnlyList<string> ownerPath) => caller.ActsFor(ownerPath);

    public static bool MayManage(Caller caller, Site site) => MayManageFor(caller, site.OwnerPath);

    /// <summary>
    /// Seeing a site and its bookings: whoever acts for the owner and, for a shared site, whoever acts for an organisation of its
    /// street (admins at or over the street, admins of its communities, liaisons of its units). Everyone else is answered as if
    /// it did not exist.
    /// </summary>
    public static bool MayRead(Caller caller, Site site) =>
        caller.ActsFor(site.OwnerPath) || (site.SharedUse && ActsInStreet(caller, site.OwnerPath));

    /// <summary>Booking for an organisation: admins over it and its liaisons.</summary>
    public static bool MayBookFor(Caller caller, IReadOnlyList<string> orgPath) => caller.ActsFor(orgPath);

    /// <summary>
    /// Which organisations a site takes bookings from: a site that is not shared, its owner only; a shared one, the
    /// organisations of its street (the street itself and any organisation under it).
    /// </summary>
    public static bool TakesBookingsFrom(Site site, IReadOnlyList<string> orgPath) => site.SharedUse
        ? orgPath.Contains(site.StreetId)
        : orgPath[^1] == site.OwnerOrgId;

    /// <summary>Cancelling a booking: the booker's admins and liaisons.</summary>
    public static bool MayCancel(Caller caller, Booking booking) => caller.ActsFor(booking.OrgPath);

    /// <summary>A street's compliance with the area standard: admins at or over the street.</summary>
    public static bool MaySeeCompliance(Caller caller, IReadOnlyList<string> streetPath) => caller.IsAdminOf(streetPath);

    /// <summary>
    /// Whether the caller acts for some organisation of the street of <paramref name="path"/> (a path through that street):
    /// an admin at or above the street, or an admin or liaison of an organisation under it.
    /// </summary>
    private static bool ActsInStreet(Caller caller, IReadOnlyList<string> path)
    {
        if (path.Count < 2) return false;
        var street = path[1];
        return caller.IsAdminOf([path[0], street])
            || caller.Roles.Any(r => (r.Role.IsAdmin() || r.Role == Role.Liaison) && r.OrgPath is { } at && at.Contains(street));
    }
}
