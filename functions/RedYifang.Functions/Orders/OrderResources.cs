using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Resources;

namespace RedYifang.Functions.Orders;

/// <summary>The resource a claim or a match names: published, offering the order's category in the order's area.</summary>
public sealed class OrderResources(ResourceStore resources, CapacityLedger capacity)
{
    public async Task<Resource> PublishedAsync(ResourceRequest body, CancellationToken ct)
    {
        var v = new Validator();
        var resourceId = v.Text("resourceId", body.ResourceId, 100);
        v.ThrowIfInvalid();
        var stored = await resources.FindAsync(resourceId!, ct);
        return stored is { Resource.State: ResourceState.Published }
            ? stored.Resource
            : throw Problems.InvalidReference("resourceId", new("不是已发布的服务资源", "is not a published resource"));
    }

    public async Task<Resource?> FindAsync(string resourceId, CancellationToken ct)
        => (await resources.FindAsync(resourceId, ct))?.Resource;

    /// <summary>
    /// Gives back the month of capacity an order's agreement held (cancelled, declined, lapsed): the agreement's own month, so a
    /// release after the month turned frees what the match took. Idempotent (order and agreement name the entry); called after
    /// the order's write, so a write that lost a race never frees a month an agreed order still holds.
    /// </summary>
    public async Task ReleaseAsync(string orderId, ProjectAgreement agreement, CancellationToken ct)
    {
        if ((await resources.FindAsync(agreement.ResourceId, ct))?.Resource is { } resource)
        {
            await capacity.ReleaseAsync(resource, orderId, agreement.Id, ChinaTime.Month(agreement.At), ct);
        }
    }

    /// <summary>The resource must offer the order's category and serve the order's area.</summary>
    /// <summary>Category and area (<see cref="Fits"/>), and valid on <paramref name="today"/> — the conditions Matching's scoring uses.</summary>
    public static void CheckFits(Order order, Resource resource, DateOnly today)
    {
        if (!Fits(order, resource))
        {
            throw Problems.InvalidReference("resourceId", new("该资源的类别或服务区域与订单不符", "does not offer this category in this area"));
        }
        if (today < resource.ValidFrom || today > resource.ValidTo)
        {
            throw Problems.InvalidReference("resourceId", new("该资源不在有效期内", "is not valid on this date"));
        }
    }

    public static bool Fits(Order order, Resource resource)
    {
        var area = order.GridId is null ? order.CommunityPath : [.. order.CommunityPath, order.GridId];
        return resource.Category == order.Category && resource.AreaIds.Any(area.Contains);
    }
}
