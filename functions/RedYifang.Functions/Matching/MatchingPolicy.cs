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
    /// An order's suggestions: those who may read the order (Orders' rule) and are admins over its community or hold
    /// any liaison role. The liaison half is not scoped by itself; it leans on the order's read rule.
    /// </summary>
    public static bool MaySeeSuggestions(Caller caller, Order order) =>
        OrderPolicy.MayRead(caller, order)
        && (caller.IsAdminOf(order.CommunityPath) || caller.Roles.Any(r => r.Role == Role.Liaison));
}
