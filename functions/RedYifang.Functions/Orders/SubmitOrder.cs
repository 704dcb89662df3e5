using Microsoft.Extensions.Options;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Idempotency;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Quotas;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Orders;

/// <summary>A resident (or an admin on their behalf) raises a service order in a registered community (and grid).</summary>
public sealed class SubmitOrder(OrderStore orders, OrgStore orgs, DailyQuotas quotas, IOptions<QuotaOptions> limits, TimeProvider clock)
{
    /// <summary>The daily quota of orders a resident raises (<see cref="QuotaOptions.OrdersPerResidentPerDay"/>).</summary>
    public const string Quota = "orders";
    /// <summary>The body of <c>POST /v1/orders</c> (api.md); every member optional here, validated below.</summary>
    public sealed record Request
    {
        public string? CommunityId { get; init; }
        public string? GridId { get; init; }
        public string? Title { get; init; }
        public string? Category { get; init; }
        public string? Description { get; init; }
        public int? Beneficiaries { get; init; }
        public string? Urgency { get; init; }
        public DateTimeOffset? PreferredFrom { get; init; }
        public DateTimeOffset? PreferredTo { get; init; }
        public string? ContactPhone { get; init; }
        public string? Level { get; init; }
    }

    public async Task<Order> HandleAsync(Caller caller, Request request, CancellationToken ct)
    {
        var (communityId, draft) = Validate(request);
        var community = await orgs.FindAsync(communityId, ct);
        if (community is not { Kind: OrgKind.Community })
        {
            throw Problems.InvalidReference("communityId", new("不是已登记的社区", "is not a registered community"));
        }
        if (draft.GridId is { } gridId)
        {
            var grid = await orgs.FindAsync(gridId, ct);
            if (grid is not { Kind: OrgKind.Grid } || !grid.Path.Contains(community.Id))
            {
                throw Problems.InvalidReference("gridId", new("不是该社区的网格", "is not a grid of this community"));
            }
        }
        // Staff raising orders for the residents they serve are not limited; a resident's order counts before it is written,
        // so that instances writing at once cannot pass the limit together, and is given back if the write fails. A staff
        // order stands for no household of its owner's (Order.RaisedByStaff).
        var counted = !caller.IsAdminOf(community.Path);
        var change = Order.Submit(draft, Keys.NewChildId("ord", community.Id, clock), community.Path, caller.UserId, clock.GetUtcNow(),
            raisedByStaff: !counted);
        if (counted) await quotas.TakeAsync(Quota, "too_many_orders", caller.UserId, limits.Value.OrdersPerResidentPerDay, ct);
        Order? first;
        try
        {
            first = await CreateOnce.AddAsync(() => orders.AddAsync(change, ct), async () =>
                (await orders.FindAsync(change.Order.Id, ct))?.Order is { } order && order.OwnerId == caller.UserId ? order : null);
        }
        catch when (counted)
        {
            await quotas.TryReturnAsync(Quota, caller.UserId);
            throw;
        }
        // A resumed request found the order its first run wrote (and counted): this run's count is given back.
        if (first is not null && counted) await quotas.TryReturnAsync(Quota, caller.UserId);
        return first ?? change.Order;
    }

    public static (string CommunityId, NewOrder Draft) Validate(Request request)
    {
        var v = new Validator();
        var communityId = v.Id("communityId", request.CommunityId);
        var gridId = v.Id("gridId", request.GridId, required: false);
        var title = v.Text("title", request.Title, 100);
        var category = v.OneOf<Category>("category", request.Category);
        var description = v.Text("description", request.Description, 2000);
        var beneficiaries = v.Range("beneficiaries", request.Beneficiaries, 1, 100_000);
        var urgency = v.OneOf<Urgency>("urgency", request.Urgency);
        var level = v.OneOf<OrderLevel>("level", request.Level);
        var phone = v.Text("contactPhone", request.ContactPhone, 20, required: false);
        if (phone is not null && !PhoneMask.IsPhone(phone)) v.Add("contactPhone", new("不是有效的电话号码", "is not a valid phone number"));
        if (request.PreferredFrom is { } pf && request.PreferredTo is { } pt && pf >= pt)
        {
            v.Add("preferredTo", new("须晚于 preferredFrom", "must be after preferredFrom"));
        }
        v.ThrowIfInvalid();
        return (communityId!, new NewOrder
        {
            GridId = gridId, Level = level!.Value, Title = title!, Category = category!.Value, Description = description!,
            Beneficiaries = beneficiaries!.Value, Urgency = urgency!.Value, PreferredFrom = request.PreferredFrom,
            PreferredTo = request.PreferredTo, ContactPhone = phone,
        });
    }
}
