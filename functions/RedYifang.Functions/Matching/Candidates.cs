using System.Collections.Concurrent;
using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Resources;

namespace RedYifang.Functions.Matching;

/// <summary>
/// Finds the offers that could serve an order: resources indexed under any area on the order's path (grid,
/// community, street, district) for its category or "other", each with the capacity it has left this month and
/// its unit's record. Reads are cached for the lifetime of one instance (one message, one run).
/// </summary>
public sealed class Candidates(ResourceStore resources, CapacityLedger ledger, UnitRecords records, string month)
{
    private readonly ConcurrentDictionary<string, Task<Offer?>> _offers = new();
    private readonly ConcurrentDictionary<string, Task<UnitRecord>> _records = new();
    private readonly ConcurrentDictionary<(string, Category), Task<List<string>>> _index = new();

    public async Task<IReadOnlyList<Offer>> ForAsync(OrderNeed order, CancellationToken ct)
    {
        var lookups = order.AreaPath
            .Select(area => (area, order.Category))
            .Select(key => _index.GetOrAdd(key, k => resources.IdsServingAsync(k.Item1, k.Item2, ct)));
        var ids = (await Task.WhenAll(lookups)).SelectMany(x => x).Distinct().Order(StringComparer.Ordinal).ToList();
        var offers = await Task.WhenAll(ids.Select(id => _offers.GetOrAdd(id, i => LoadAsync(i, ct))));
        return offers.Where(o => o is not null).Select(o => o!).ToList();
    }

    private async Task<Offer?> LoadAsync(string id, CancellationToken ct)
    {
        var stored = await resources.FindAsync(id, ct);
        if (stored is not { Resource.State: ResourceState.Published } found) return null;
        var remaining = ledger.RemainingAsync(found.Resource, month, ct);
        var record = _records.GetOrAdd(found.Resource.UnitId, u => records.GetAsync(u, ct));
        return new Offer(found.Resource, await remaining, await record);
    }
}
