using System.Globalization;
using RedYifang.Functions.Assessment;
using RedYifang.Functions.Evidence;
using RedYifang.Functions.Identity;
using RedYifang.Functions.Matching;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Storage;
using RedYifang.Functions.Resources;

namespace RedYifang.Functions.Orders;

public sealed record CreateOrderRequest(
    string? CommunityId, string? GridId, string? Title, string? Category, string? Description, int? Beneficiaries,
    string? Urgency, DateTimeOffset? PreferredFrom, DateTimeOffset? PreferredTo, string? ContactPhone, string? Level);

public sealed record ReasonRequest(string? Reason);

public sealed record ResourceRequest(string? ResourceId);

public sealed record CompleteRequest(List<string>? EvidenceIds, decimal? ServiceHours, int? Beneficiaries);

public sealed record RateRequest(int? Stars, string? Comment);

/// <summary>Submits orders and carries them through the lifecycle, each step checked against the caller's roles.</summary>
public sealed class OrderHandlers(OrderStore orders, OrgStore orgs, ResourceStore resources, CapacityLedger capacity, EvidenceStore evidence, TimeProvider clock)
{
    public async Task<Order> SubmitAsync(Caller caller, CreateOrderRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var communityId = v.Text("communityId", request.CommunityId, 64);
        var gridId = v.Text("gridId", request.GridId, 64, required: false);
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

        var community = await orgs.FindAsync(communityId!, ct);
        if (community is not { Kind: OrgKind.Community }) throw Problems.InvalidReference("communityId", new("不是已登记的社区", "is not a registered community"));
        if (gridId is not null)
        {
            var grid = await orgs.FindAsync(gridId, ct);
            if (grid is not { Kind: OrgKind.Grid } || !grid.Path.Contains(community.Id))
            {
                throw Problems.InvalidReference("gridId", new("不是该社区的网格", "is not a grid of this community"));
            }
        }
        var now = clock.GetUtcNow();
        var order = new Order(Keys.NewChildId("ord", community.Id, clock), community.Id, community.Path, gridId, level!.Value, title!,
            category!.Value, description!, beneficiaries!.Value, urgency!.Value, request.PreferredFrom, request.PreferredTo, phone,
            caller.UserId, OrderState.Submitted, [new HistoryEntry(null, OrderState.Submitted, caller.UserId, now, null)], [], null, null, null, now, now);
        await orders.AddAsync(order, [], ct);
        return order;
    }

    public async Task<StoredOrder> ReadAsync(Caller caller, string id, CancellationToken ct)
    {
        var stored = await orders.FindAsync(id, ct);
        return stored is not null && OrderAccess.MayRead(caller, stored.Order) ? stored : throw Problems.NotFound("order");
    }

    public Task<Order> PublishAsync(Caller caller, string id, CancellationToken ct) =>
        ChangeAsync(caller, id, OrderAccess.MayApprove, OrderAction.Publish, null, o => o,
            o => [MatchRequest.ForOrder(o.Id, "published"), AssessmentEvent.Of(o.Id, FactKind.Published, o.UpdatedAt)], ct);

    public Task<Order> RejectAsync(Caller caller, string id, ReasonRequest body, CancellationToken ct) =>
        ChangeAsync(caller, id, OrderAccess.MayApprove, OrderAction.Reject, RequiredReason(body), o => o, null, ct);

    /// <summary>Cancels; an order already matched gives its unit's capacity back.</summary>
    public async Task<Order> CancelAsync(Caller caller, string id, ReasonRequest body, CancellationToken ct)
    {
        var at = clock.GetUtcNow();
        var after = await ChangeAsync(caller, id, (c, o) => o.OwnerId == c.UserId || c.IsAdminOf(o.CommunityPath), OrderAction.Cancel,
            RequiredReason(body), o => o,
            o => CancelMessages(o, at), ct);
        if (after.Agreement is { } agreement && await resources.FindAsync(agreement.ResourceId, ct) is { } resource)
        {
            await capacity.ReleaseAsync(resource.Resource, id, agreement.Id, ChinaTime.Month(agreement.At), ct);
        }
        return after;
    }

    /// <summary>A unit's liaison asks to take a published order with one of the unit's published resources.</summary>
    public async Task<Order> ClaimAsync(Caller caller, string id, ResourceRequest body, CancellationToken ct)
    {
        var resource = await PublishedResourceAsync(body, ct);
        if (!caller.IsLiaisonOf(resource.UnitId)) throw Problems.Forbidden();
        var stored = await ReadAsync(caller, id, ct);
        if (stored.Order.State != OrderState.Published) throw OrderLifecycle.InvalidTransition(OrderAction.Match, stored.Order.State);
        CheckFits(stored.Order, resource);
        var claim = new OrderClaim(resource.UnitId, resource.Id, caller.UserId, clock.GetUtcNow());
        var after = stored.Order with { Claims = [.. stored.Order.Claims.Where(c => c.UnitId != resource.UnitId), claim], UpdatedAt = claim.At };
        await orders.UpdateAsync(stored, after, [], ct);
        return after;
    }

    /// <summary>
    /// The community confirms a resource for the order, which creates the project agreement (项目意见书). The
    /// resource's capacity for the month is reserved first and released again if the order cannot be written.
    /// </summary>
    public async Task<Order> MatchAsync(Caller caller, string id, ResourceRequest body, CancellationToken ct)
    {
        var resource = await PublishedResourceAsync(body, ct);
        var stored = await ReadAsync(caller, id, ct);
        if (!OrderAccess.MayApprove(caller, stored.Order)) throw Problems.Forbidden();
        OrderLifecycle.Target(OrderAction.Match, stored.Order.State);
        CheckFits(stored.Order, resource);
        var at = clock.GetUtcNow();
        var agreement = new ProjectAgreement(Keys.NewChildId("agr", stored.Order.CommunityId, clock), resource.Id, resource.UnitId, caller.UserId, at);
        var month = ChinaTime.Month(at);
        await capacity.ReserveAsync(resource, id, agreement.Id, month, ct);
        try
        {
            var after = (stored.Order with { Agreement = agreement }).Apply(OrderAction.Match, caller.UserId, at);
            await orders.UpdateAsync(stored, after, [Fact(after, OrderFactKind.Matched, at), AssessmentEvent.Of(id, FactKind.Matched, at)], ct);
            return after;
        }
        catch
        {
            await capacity.ReleaseAsync(resource, id, agreement.Id, month, CancellationToken.None);
            throw;
        }
    }

    public Task<Order> AgreeAsync(Caller caller, string id, CancellationToken ct) =>
        ChangeAsync(caller, id, OrderAccess.IsProvider, OrderAction.Agree, null, o => o, null, ct);

    public Task<Order> StartAsync(Caller caller, string id, CancellationToken ct) =>
        ChangeAsync(caller, id, OrderAccess.IsProvider, OrderAction.Start, null, o => o, null, ct);

    /// <summary>The provider reports the work done, with verified evidence (痕迹) owned by this order.</summary>
    public async Task<Order> CompleteAsync(Caller caller, string id, CompleteRequest body, CancellationToken ct)
    {
        var v = new Validator();
        var evidenceIds = (body.EvidenceIds ?? []).Distinct().ToList();
        if (evidenceIds.Count is < 1 or > 50) v.Add("evidenceIds", new("需要 1–50 份痕迹材料", "needs 1–50 evidence items"));
        if (body.ServiceHours is not { } hours) v.Add("serviceHours", Validator.Required);
        else if (hours <= 0 || hours > 10_000 || decimal.Round(hours, 1) != hours) v.Add("serviceHours", new("须为 0–10000 之间、最多一位小数", "must be above 0, at most 10000, one decimal"));
        var beneficiaries = v.Range("beneficiaries", body.Beneficiaries, 0, 100_000);
        v.ThrowIfInvalid();
        var items = await Task.WhenAll(evidenceIds.Select(e => evidence.FindAsync(e, ct)));
        if (items.Any(e => e is not { Record.State: EvidenceState.Verified, Record.OwnerType: OwnerType.Order } || e.Record.OwnerId != id))
        {
            throw new RuleViolationException("evidence_not_verified",
                new("痕迹材料未通过核验", "The evidence is not verified"),
                new("完成订单须附上已核验、属于本订单的照片或文档。", "Completing an order needs verified photos or documents of this order."),
                new Dictionary<string, IReadOnlyList<LocalizedText>> { ["evidenceIds"] = [new("须为本订单已核验的痕迹", "must be verified evidence of this order")] });
        }
        var at = clock.GetUtcNow();
        return await ChangeAsync(caller, id, OrderAccess.IsProvider, OrderAction.Complete, null,
            o => o with { Completion = new Completion(evidenceIds, body.ServiceHours!.Value, beneficiaries!.Value, at) },
            o => o.History.Count(h => h.To == OrderState.Completed) == 1 ? [Fact(o, OrderFactKind.Completed, at)] : [], ct);
    }

    public Task<Order> AcceptAsync(Caller caller, string id, CancellationToken ct) =>
        ChangeAsync(caller, id, (c, o) => c.IsAdminOf(o.CommunityPath), OrderAction.Accept, null, o => o,
            o => [AssessmentEvent.Of(o.Id, FactKind.Accepted, o.UpdatedAt)], ct);

    public Task<Order> ReopenAsync(Caller caller, string id, ReasonRequest body, CancellationToken ct) =>
        ChangeAsync(caller, id, (c, o) => c.IsAdminOf(o.CommunityPath), OrderAction.Reopen, RequiredReason(body), o => o,
            o => [Fact(o, OrderFactKind.Reopened, o.UpdatedAt), AssessmentEvent.Of(o.Id, FactKind.Reopened, o.UpdatedAt)], ct);

    public Task<Order> RateAsync(Caller caller, string id, RateRequest body, CancellationToken ct)
    {
        var v = new Validator();
        var stars = v.Range("stars", body.Stars, 1, 5);
        var comment = v.Text("comment", body.Comment, 500, required: false);
        v.ThrowIfInvalid();
        var at = clock.GetUtcNow();
        return ChangeAsync(caller, id, (c, o) => o.OwnerId == c.UserId, OrderAction.Rate, null,
            o => o with { Rating = new Rating(stars!.Value, comment, at) },
            o => [Fact(o, OrderFactKind.Rated, at), AssessmentEvent.Of(o.Id, FactKind.Rated, at)], ct);
    }

    /// <summary>Published orders nobody matched within the period expire (timer).</summary>
    public async Task<int> ExpireStaleAsync(TimeSpan after, CancellationToken ct)
    {
        var expired = 0;
        await foreach (var order in orders.PublishedBeforeAsync(clock.GetUtcNow() - after, ct))
        {
            var stored = await orders.FindAsync(order.Id, ct);
            if (stored is null || stored.Order.State != OrderState.Published || stored.Order.UpdatedAt >= clock.GetUtcNow() - after) continue;
            try
            {
                await orders.UpdateAsync(stored, stored.Order.Apply(OrderAction.Expire, "system", clock.GetUtcNow(), "无人认领，已过期"),
                    [MatchRequest.ForOrder(order.Id, "expired"), AssessmentEvent.Of(order.Id, FactKind.Lapsed, clock.GetUtcNow())], ct);
                expired++;
            }
            catch (DomainException)
            {
                // Changed meanwhile (matched, cancelled): no longer stale.
            }
        }
        return expired;
    }

    /// <summary>Reads, checks permission (403, or 404 when the caller may not even see it), applies, writes on the ETag.</summary>
    private async Task<Order> ChangeAsync(Caller caller, string id, Func<Caller, Order, bool> mayAct, OrderAction action, string? reason,
        Func<Order, Order> amend, Func<Order, IEnumerable<(string, object)>>? messages, CancellationToken ct)
    {
        var stored = await ReadAsync(caller, id, ct);
        if (!mayAct(caller, stored.Order)) throw Problems.Forbidden();
        var after = amend(stored.Order).Apply(action, caller.UserId, clock.GetUtcNow(), reason);
        await orders.UpdateAsync(stored, after, messages?.Invoke(after) ?? [], ct);
        return after;
    }

    private static IEnumerable<(string, object)> CancelMessages(Order o, DateTimeOffset at)
    {
        yield return MatchRequest.ForOrder(o.Id, "cancelled");
        if (o.Agreement is not null) yield return Fact(o, OrderFactKind.Released, at);
        if (o.History.Any(h => h.To == OrderState.Published)) yield return AssessmentEvent.Of(o.Id, FactKind.Lapsed, at);
    }

    private static (string, object) Fact(Order order, OrderFactKind kind, DateTimeOffset at) =>
        (OrderFact.Queue, new OrderFact(order.UnitId!, order.Id, kind, order.Rating?.Stars ?? 0, at));

    private async Task<Resource> PublishedResourceAsync(ResourceRequest body, CancellationToken ct)
    {
        var v = new Validator();
        var resourceId = v.Text("resourceId", body.ResourceId, 100);
        v.ThrowIfInvalid();
        var stored = await resources.FindAsync(resourceId!, ct);
        return stored is { Resource.State: ResourceState.Published }
            ? stored.Resource
            : throw Problems.InvalidReference("resourceId", new("不是已发布的服务资源", "is not a published resource"));
    }

    /// <summary>The resource must offer the order's category and serve the order's area.</summary>
    private static void CheckFits(Order order, Resource resource)
    {
        var area = order.GridId is null ? order.CommunityPath : [.. order.CommunityPath, order.GridId];
        if (resource.Category != order.Category || !resource.AreaIds.Any(area.Contains))
        {
            throw Problems.InvalidReference("resourceId", new("该资源的类别或服务区域与订单不符", "does not offer this category in this area"));
        }
    }

    private static string RequiredReason(ReasonRequest body)
    {
        var v = new Validator();
        var reason = v.Text("reason", body.Reason, 500);
        v.ThrowIfInvalid();
        return reason!;
    }

}
