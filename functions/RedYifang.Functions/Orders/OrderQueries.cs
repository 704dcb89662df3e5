using Microsoft.AspNetCore.Http;
using RedYifang.Functions.Identity;
using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Orders;

/// <summary>The order lists of api.md, each a point-read index or a single-partition range.</summary>
public sealed class OrderQueries(OrderStore orders)
{
    public async Task<ListPage<Order>> ListAsync(Caller caller, HttpRequest req, CancellationToken ct)
    {
        var v = new Validator();
        var state = v.OneOf<OrderState>("state", req.Query["state"].ToString(), required: false);
        var category = v.OneOf<Category>("category", req.Query["category"].ToString(), required: false);
        var communityId = req.Query["communityId"].ToString() is { Length: > 0 } c ? c : null;
        var unitId = req.Query["unitId"].ToString() is { Length: > 0 } u ? u : null;
        var mine = req.Query["mine"].ToString() == "true";
        if (communityId is not null && !Keys.IsWellFormedId(communityId)) v.Add("communityId", new("不是有效的标识", "is not a valid id"));
        if (unitId is not null && !Keys.IsWellFormedId(unitId)) v.Add("unitId", new("不是有效的标识", "is not a valid id"));
        if (!mine && communityId is null && unitId is null)
        {
            v.Add("communityId", new("请指定 communityId、unitId 或 mine=true", "give communityId, unitId or mine=true"));
        }
        var paging = Paging.From(req);
        v.ThrowIfInvalid();

        bool Fits(Order o) => (state is null || o.State == state) && (category is null || o.Category == category);
        if (mine) return await orders.ListIndexedAsync(OrderStore.ByUserTable, caller.UserId, o => o.OwnerId == caller.UserId && Fits(o), paging, ct);
        if (unitId is not null)
        {
            if (!OrderPolicy.MayListUnit(caller, unitId)) throw Problems.Forbidden();
            return await orders.ListIndexedAsync(OrderStore.ByUnitTable, unitId, o => o.UnitId == unitId && OrderPolicy.MayRead(caller, o) && Fits(o), paging, ct);
        }
        var page = await orders.ListCommunityAsync(communityId!, state, category, paging, ct);
        return page with { Items = page.Items.Where(o => OrderPolicy.MayRead(caller, o)).ToList() };
    }

    /// <summary>
    /// One order by id, or null when there is none (or the id is malformed). No visibility check: the reader applies its
    /// own rule (Matching: <c>MatchingPolicy</c>) or none (queue consumers).
    /// </summary>
    public async Task<Order?> FindAsync(string id, CancellationToken ct) => (await orders.FindAsync(id, ct))?.Order;

    /// <summary>A page of a community's published orders, oldest first (what Matching ranks and assigns).</summary>
    public Task<ListPage<Order>> PublishedInCommunityAsync(string communityId, Paging paging, CancellationToken ct) =>
        orders.ListCommunityAsync(communityId, OrderState.Published, null, paging, ct);

    /// <summary>Orders now in each state in a community (statistics; not per period).</summary>
    public Task<IReadOnlyDictionary<OrderState, int>> CountByStateAsync(string communityId, CancellationToken ct) =>
        orders.CountByStateAsync(communityId, ct);
}
