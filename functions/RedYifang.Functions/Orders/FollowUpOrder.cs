using Microsoft.Extensions.Options;
using RedYifang.Functions.ContentSecurity;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Orders;

/// <summary>
/// "Is it fixed?" (issue 17): the resident the order is for answers once, <see cref="OrderOptions.FollowUpAfterDays"/> days or
/// more after acceptance and before rating — fixed (kept on the order), or not fixed (back in progress to the unit, with the
/// resident's words in the history). Only the owner: never an admin who filed the order for someone. A comment is screened by
/// WeChat as a comment before anything is written (docs/content-security.md), once the caller is known to be able to answer.
/// </summary>
public sealed class FollowUpOrder(OrderChanges changes, TextScreening screening, IOptions<OrderOptions> options)
{
    public sealed record Request(bool? Fixed, string? Comment);

    public async Task<Order> HandleAsync(Caller caller, string id, Request body, CancellationToken ct)
    {
        var v = new Validator();
        if (body.Fixed is null) v.Add("fixed", Validator.Required);
        var comment = v.Text("comment", body.Comment, 500, required: false);
        v.ThrowIfInvalid();
        var afterDays = options.Value.FollowUpAfterDays;
        Screening? moderation = null;
        if (comment is not null)
        {
            // Only the owner of an order due for its follow-up has their comment sent to WeChat (404, 403, 409 first).
            var stored = await changes.ReadAsync(caller, id, ct);
            if (!OrderPolicy.IsOwner(caller, stored.Order)) throw Problems.Forbidden();
            OrderLifecycle.CheckFollowUp(stored.Order, changes.Now, afterDays);
            moderation = await screening.ScreenAsync(ContentKind.FollowUpComment, caller.UserId, [new("comment", comment)], ct);
        }
        return await changes.ApplyAsync(caller, id, OrderPolicy.IsOwner,
            o => o.FollowUpBy(body.Fixed!.Value, comment, caller.UserId, changes.Now, afterDays, moderation), ct);
    }
}
