using RedYifang.Functions.Orders;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Matching;

/// <summary>Who may start and see matching runs and see an order's suggestions: every Matching rule, in one place.</summary>
public static class MatchingPolicy
{
    /// <summary>Starting a run over a district, street or community: admins over that organisation.</summary>
    public static bool MayStartRun(Caller caller, IReadOnlyList<string> scopePath) => caller.IsAdminOf(scopePath);

    /// <summary>Seeing a run and its proposals: admins over the run's scope (anyone else is told it does not exist).</summary>
    public static bool MaySeeRun(Caller caller, MatchingRun run) => caller.IsAdminOf(run.ScopePath);

    /// <summary>
    /// An order's suggestions (other units' resources and scores): those who may read the order (Orders' rule) and are
    /// admins over its community, its provider, or liaisons of units serving its street ("liaisons in area", api.md).
    /// A liaison role elsewhere does not count, even for the order's owner.
    /// </summary>
    public static bool MaySeeSuggestions(Caller caller, Order order) =>
        OrderPolicy.MayRead(caller, order)
        && (caller.IsAdminOf(order.CommunityPath) || OrderPolicy.IsProvider(caller, order) || OrderPolicy.IsLiaisonInStreet(caller, order));
}
