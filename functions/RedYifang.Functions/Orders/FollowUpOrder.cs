using Microsoft.Extensions.Options;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Orders;

/// <summary>
/// "Is it fixed?" (issue 17): the resident the order is for answers once, <see cref="OrderOptions.FollowUpAfterDays"/> days or
/// more after acceptance and before rating — fixed (kept on the order), or not fixed (back in progress to the unit, with the
/// resident's words in the history). Only the owner: never an admin who filed the order for someone.
/// </summary>
public sealed class FollowUpOrder(OrderChanges changes, IOptions<OrderOptions> options)
{
    public sealed record Request(bool? Fixed, string? Comment);

    public Task<Order> HandleAsync(Caller caller, string id, Request body, CancellationToken ct)
    {
        var v = new Validator();
        if (body.Fixed is null) v.Add("fixed", Validator.Required);
        var comment = v.Text("comment", body.Comment, 500, required: false);
        v.ThrowIfInvalid();
        return changes.ApplyAsync(caller, id, OrderPolicy.IsOwner,
            o => o.FollowUpBy(body.Fixed!.Value, comment, caller.UserId, changes.Now, options.Value.FollowUpAfterDays), ct);
    }
}
