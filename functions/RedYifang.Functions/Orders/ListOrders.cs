using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Orders;

/// <summary>The order lists of api.md (a community's queue, a unit's orders, mine), each a point-read index or one partition's range.</summary>
public sealed class ListOrders(OrderStore orders)
{
    public sealed record Request(string? State, string? Category, string? CommunityId, string? UnitId, bool Mine, Paging Paging);

    public async Task<ListPage<Order>> HandleAsync(Caller caller, Request request, CancellationToken ct)
    {
        var v = new Validator();
        var state = v.OneOf<OrderState>("state", request.State, required: false);
        var category = v.OneOf<Category>("category", request.Category, required: false);
        var (communityId, unitId, mine) = (request.CommunityId, request.UnitId, request.Mine);
        v.Id("communityId", communityId, required: false);
        v.Id("unitId", unitId, required: false);
        if (!mine && communityId is null && unitId is null)
        {
            v.Add("communityId", new("请指定 communityId、unitId 或 mine=true", "give communityId, unitId or mine=true"));
        }
        v.ThrowIfInvalid();

        bool Fits(Order o) => (state is null || o.State == state) && (category is null || o.Category == category);
        if (mine)
        {
            return await orders.ListIndexedAsync(
                OrderStore.ByUserTable,
                caller.UserId,
                o => o.OwnerId == caller.UserId && Fits(o),
                request.Paging,
                ct);
        }
        if (unitId is not null)
        {
            if (!OrderPolicy.MayListUnit(caller, unitId)) throw Problems.Forbidden();
            return await orders.ListIndexedAsync(OrderStore.ByUnitTable, unitId,
                o => o.UnitId == unitId && OrderPolicy.MayRead(caller, o) && Fits(o), request.Paging, ct);
        }
        var page = await orders.ListCommunityAsync(communityId!, state, category, request.Paging, ct);
        return page with { Items = page.Items.Where(o => OrderPolicy.MayRead(caller, o)).ToList() };
    }
}
