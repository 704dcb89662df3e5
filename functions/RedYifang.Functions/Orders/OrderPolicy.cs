using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Orders;

/// <summary>Who may see and do what with an order (api.md, "Visibility"): every order rule, in one place.</summary>
public static class OrderPolicy
{
    /// <summary>Owner, admins over its community, the matched unit's liaison, and liaisons of units serving its street while it is published.</summary>
    public static bool MayRead(Caller caller, Order order) =>
        order.OwnerId == caller.UserId
        || caller.IsAdminOf(order.CommunityPath)
        || IsProvider(caller, order)
        || (order.State == OrderState.Published && IsLiaisonInStreet(caller, order));

    /// <summary>Publishing (立项 above community level), rejecting and matching: community admins for community orders, street admins and above otherwise.</summary>
    public static bool MayApprove(Caller caller, Order order) => order.Level == OrderLevel.Community
        ? caller.IsAdminOf(order.CommunityPath)
        : caller.Roles
            .Any(r => r.Role is Role.StreetAdmin or Role.DistrictAdmin && (r.OrgId is null || order.CommunityPath.Contains(r.OrgId)));

    /// <summary>The owner, or an admin over the order's community.</summary>
    public static bool MayCancel(Caller caller, Order order) => order.OwnerId == caller.UserId || caller.IsAdminOf(order.CommunityPath);

    /// <summary>Accepting the reported completion (验收) or sending it back: admins over the order's community.</summary>
    public static bool MayAccept(Caller caller, Order order) => caller.IsAdminOf(order.CommunityPath);

    /// <summary>The resident the order is for (who raised it, or for whom an admin filed it).</summary>
    public static bool IsOwner(Caller caller, Order order) => order.OwnerId == caller.UserId;

    /// <summary>
    /// The resident the order is for rates it (never the admin who filed it for them); an order for a represented resident without
    /// an account has no owner and is rated by an admin over its community (<see cref="Rating.Represented"/>).
    /// </summary>
    public static bool MayRate(Caller caller, Order order) =>
        order.OwnerId == caller.UserId || (order is { OwnerId: null, Represented: not null } && caller.IsAdminOf(order.CommunityPath));

    /// <summary>Files an order on a resident's behalf (by user id or represented): an admin over the community (or above it).</summary>
    public static bool MayFileFor(Caller caller, IReadOnlyList<string> communityPath) => caller.IsAdminOf(communityPath);

    /// <summary>Sees a represented resident's phone unmasked: admins over the order's community (the filing admin's and above).</summary>
    public static bool SeesRepresentedPhone(Caller caller, Order order) => caller.IsAdminOf(order.CommunityPath);

    /// <summary>A unit's liaison claims with that unit's resource.</summary>
    public static bool MayClaimFor(Caller caller, string unitId) => caller.IsLiaisonOf(unitId);

    /// <summary>Agreeing, starting and completing: the matched unit's liaison.</summary>
    public static bool IsProvider(Caller caller, Order order) => caller.IsLiaisonOf(order.UnitId);

    /// <summary>Sees the contact phone unmasked: the owner (it is theirs), admins over the order's community and the matched unit's liaison.</summary>
    public static bool SeesContact(Caller caller, Order order) =>
        order.OwnerId == caller.UserId || caller.IsAdminOf(order.CommunityPath) || IsProvider(caller, order);

    /// <summary>Lists a unit's orders: the unit's liaison, or an admin (each order is then filtered by <see cref="MayRead"/>).</summary>
    public static bool MayListUnit(Caller caller, string unitId) => caller.IsLiaisonOf(unitId) || caller.Roles.Any(r => r.Role.IsAdmin());

    /// <summary>A liaison of a unit serving the order's street.</summary>
    public static bool IsLiaisonInStreet(Caller caller, Order order) =>
        order.CommunityPath.Count > 1 && caller.LiaisonStreets.Contains(order.CommunityPath[1]);
}
