using Microsoft.Extensions.Options;
using RedYifang.Functions.ContentSecurity;
using RedYifang.Functions.Identity;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Idempotency;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Quotas;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Orders;

/// <summary>A resident (or an admin on their behalf) raises a service order in a registered community (and grid).</summary>
public sealed class SubmitOrder(OrderStore orders, OrgStore orgs, UserStore users, DailyQuotas quotas, IOptions<QuotaOptions> limits,
    TimeProvider clock, TextScreening screening)
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

        /// <summary>An admin files the order for this resident of the community (who then owns it).</summary>
        public string? ResidentId { get; init; }

        /// <summary>An admin files the order for a resident without an account.</summary>
        public RepresentedRequest? Represented { get; init; }
    }

    /// <summary>A represented resident: name (1–20 characters) and mobile number (11 ASCII digits starting with 1).</summary>
    public sealed record RepresentedRequest(string? Name, string? Phone);

    public async Task<Order> HandleAsync(Caller caller, Request request, CancellationToken ct)
    {
        var (communityId, draft, behalf) = Validate(request);
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
        if (behalf is not null) await CheckBehalfAsync(caller, community, behalf, ct);
        // Screened before anything is written, the quota included: WeChat's risky is 422 content_rejected; review or WeChat out of
        // reach keeps the order, held for the community's admins (docs/content-security.md).
        var moderation = await screening.ScreenAsync(ContentKind.OrderText, caller.UserId,
            [new("title", draft.Title), new("description", draft.Description)], ct);
        // Staff raising orders for the residents they serve are not limited; a resident's order counts before it is written,
        // so that instances writing at once cannot pass the limit together, and is given back if the write fails. A staff
        // order stands for no household of its owner's (Order.RaisedByStaff), except one filed for a resident by id: theirs.
        var counted = !caller.IsAdminOf(community.Path);
        var change = Order.Submit(draft, Keys.NewChildId("ord", community.Id, clock), community.Path, caller.UserId, clock.GetUtcNow(),
            raisedByStaff: !counted && behalf?.ResidentId is null, behalf, moderation);
        if (counted) await quotas.TakeAsync(Quota, "too_many_orders", caller.UserId, limits.Value.OrdersPerResidentPerDay, ct);
        Order? first;
        try
        {
            first = await CreateOnce.AddAsync(() => orders.AddAsync(change, ct), async () =>
                (await orders.FindAsync(change.Order.Id, ct))?.Order is { } order
                && (order.FiledBy ?? order.OwnerId) == caller.UserId ? order : null);
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

    /// <summary>
    /// Only an admin over the community files for someone else (403 otherwise); a resident named by id must live in that community
    /// (a resident grant scoped to it), else 422 <c>invalid_reference</c>.
    /// </summary>
    private async Task CheckBehalfAsync(Caller caller, Org community, Behalf behalf, CancellationToken ct)
    {
        if (!OrderPolicy.MayFileFor(caller, community.Path)) throw Problems.Forbidden();
        if (behalf.ResidentId is not { } residentId) return;
        var roles = await users.GetRolesAsync(residentId, ct);
        if (!IsResidentOf(roles, community.Id))
        {
            throw Problems.InvalidReference("residentId", new("不是该社区的居民", "is not a resident of this community"));
        }
    }

    /// <summary>The grants include a resident grant scoped to this community.</summary>
    public static bool IsResidentOf(IEnumerable<RoleGrant> roles, string communityId) =>
        roles.Any(r => r.Role == Role.Resident && r.OrgId == communityId);

    public static (string CommunityId, NewOrder Draft, Behalf? Behalf) Validate(Request request)
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
        var behalf = ValidateBehalf(v, request);
        v.ThrowIfInvalid();
        return (communityId!, new NewOrder
        {
            GridId = gridId, Level = level!.Value, Title = title!, Category = category!.Value, Description = description!,
            Beneficiaries = beneficiaries!.Value, Urgency = urgency!.Value, PreferredFrom = request.PreferredFrom,
            PreferredTo = request.PreferredTo, ContactPhone = phone,
        }, behalf);
    }

    private static Behalf? ValidateBehalf(Validator v, Request request)
    {
        if (request.ResidentId is not null && request.Represented is not null)
        {
            v.Add("represented", new("不能与 residentId 同时给出", "must not be given with residentId"));
            return null;
        }
        if (request.ResidentId is not null) return new Behalf(v.Id("residentId", request.ResidentId), null);
        if (request.Represented is not { } r) return null;
        var name = v.Text("represented.name", r.Name, 20);
        // Checked as sent, untrimmed, as the contract's pattern is.
        var phone = v.Text("represented.phone", r.Phone, 11) is null ? null : r.Phone;
        if (phone is not null && !IsMobile(phone)) v.Add("represented.phone", new("不是有效的手机号码", "is not a valid mobile number"));
        return name is null || phone is null ? null : new Behalf(null, new RepresentedPerson(name, phone));
    }

    /// <summary>11 ASCII digits starting with 1 (the pattern openapi.json gives <c>represented.phone</c>).</summary>
    public static bool IsMobile(string phone) => phone.Length == 11 && phone[0] == '1' && phone.All(char.IsAsciiDigit);
}
