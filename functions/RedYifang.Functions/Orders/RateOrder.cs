using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Orders;

/// <summary>The resident (for a represented one, an admin) rates an accepted order (1–5 stars, a comment), which closes it.</summary>
public sealed class RateOrder(OrderChanges changes)
{
    public sealed record Request(int? Stars, string? Comment);

    public Task<Order> HandleAsync(Caller caller, string id, Request body, CancellationToken ct)
    {
        var v = new Validator();
        var stars = v.Range("stars", body.Stars, 1, 5);
        var comment = v.Text("comment", body.Comment, 500, required: false);
        v.ThrowIfInvalid();
        return changes.ApplyAsync(
            caller,
            id,
            OrderPolicy.MayRate,
            o => o.Rate(new Rating(stars!.Value, comment, changes.Now, Represented: o.Represented is not null), caller.UserId),
            ct);
    }
}
