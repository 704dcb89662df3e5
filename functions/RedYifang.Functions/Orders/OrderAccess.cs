using RedYifang.Functions.Identity;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Orders;

/// <summary>Who may see and do what with an order (api.md, issue 3 "Visibility").</summary>
public static class OrderAccess
{
    /// <summary>Owner, admins over its community, the matched unit's liaison, and liaisons of units serving its street while it is published.</summary>
    public static bool MayRead(Caller caller, Order order) =>
        order.OwnerId == caller.UserId
        || caller.IsAdminOf(order.CommunityPath)
        || IsProvider(caller, order)
        || (order.State == OrderState.Published && IsLiaisonInStreet(caller, order));

    /// <summary>Publishing (立项 above community level) and rejecting: community admins for community orders, street admins and above otherwise.</summary>
    public static bool MayApprove(Caller caller, Order order) => order.Level == OrderLevel.Community
        ? caller.IsAdminOf(order.CommunityPath)
        : caller.Roles.Any(r => r.Role is Role.StreetAdmin or Role.DistrictAdmin && (r.OrgId is null || order.CommunityPath.Contains(r.OrgId)));

    public static bool IsProvider(Caller caller, Order order) =>
        caller.IsLiaisonOf(order.UnitId);

    /// <summary>Sees the contact phone unmasked: admins over the order's community and the matched unit's liaison.</summary>
    public static bool SeesContact(Caller caller, Order order) => caller.IsAdminOf(order.CommunityPath) || IsProvider(caller, order);

    /// <summary>Liaison units are placed by the roles' org ids; the caller's liaison role scopes are resolved by the caller of this check.</summary>
    private static bool IsLiaisonInStreet(Caller caller, Order order) =>
        order.CommunityPath.Count > 1 && caller.LiaisonStreets.Contains(order.CommunityPath[1]);
}
