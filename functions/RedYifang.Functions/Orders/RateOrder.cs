using RedYifang.Functions.ContentSecurity;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Orders;

/// <summary>
/// The resident (for a represented one, an admin) rates an accepted order (1–5 stars, a comment), which closes it. A comment is
/// screened by WeChat before the rating is written (docs/content-security.md), once the caller is known to be able to rate it.
/// </summary>
public sealed class RateOrder(OrderChanges changes, TextScreening screening)
{
    public sealed record Request(int? Stars, string? Comment);

    public async Task<Order> HandleAsync(Caller caller, string id, Request body, CancellationToken ct)
    {
        var v = new Validator();
        var stars = v.Range("stars", body.Stars, 1, 5);
        var comment = v.Text("comment", body.Comment, 500, required: false);
        v.ThrowIfInvalid();
        Screening? moderation = null;
        if (comment is not null)
        {
            // Only someone who may rate this order now has their comment sent to WeChat (404, 403, 409 first).
            var stored = await changes.ReadAsync(caller, id, ct);
            if (!OrderPolicy.MayRate(caller, stored.Order)) throw Problems.Forbidden();
            _ = OrderLifecycle.Target(OrderAction.Rate, stored.Order.State);
            moderation = await screening.ScreenAsync(ContentKind.RatingComment, caller.UserId, [new("comment", comment)], ct);
        }
        return await changes.ApplyAsync(
            caller,
            id,
            OrderPolicy.MayRate,
            o => o.Rate(new Rating(stars!.Value, comment, changes.Now, Represented: o.Represented is not null, moderation), caller.UserId),
            ct);
    }
}
