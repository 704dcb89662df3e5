using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Orders;

/// <summary>
/// The steps every order action shares: read the order the caller may see (404 otherwise), check the action's rule
/// (403), apply it, and write it with its events on the ETag it was read with (409 if someone changed it meanwhile).
/// </summary>
public sealed class OrderChanges(OrderStore orders, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<StoredOrder> ReadAsync(Caller caller, string id, CancellationToken ct)
    {
        var stored = await orders.FindAsync(id, ct);
        return stored is not null && OrderPolicy.MayRead(caller, stored.Order) ? stored : throw Problems.NotFound("order");
    }

    public async Task<Order> ApplyAsync(Caller caller, string id, Func<Caller, Order, bool> mayAct, Func<Order, OrderChange> act,
        CancellationToken ct)
    {
        var stored = await ReadAsync(caller, id, ct);
        if (!mayAct(caller, stored.Order)) throw Problems.Forbidden();
        var change = act(stored.Order);
        await orders.UpdateAsync(stored, change, ct);
        return change.Order;
    }

    /// <summary>A reason (why rejected, cancelled, sent back): required, at most 500 characters.</summary>
    public static string RequiredReason(string? reason)
    {
        var v = new Validator();
        var text = v.Text("reason", reason, 500);
        v.ThrowIfInvalid();
        return text!;
    }
}
