namespace RedYifang.Functions.Platform.Quotas;

/// <summary>
/// What a user holds of a quota of things pending at once (upload tickets and their bytes): each item until it is released
/// or its time runs out. A pure decision over the items; <see cref="HeldQuotas"/> keeps them in one row.
/// </summary>
public static class Holdings
{
    /// <param name="Id">What is held (an evidence id).</param>
    /// <param name="Weight">How much of the weight limit it takes (bytes).</param>
    /// <param name="Until">When it stops counting, released or not.</param>
    public sealed record Item(string Id, long Weight, DateTimeOffset Until);

    /// <summary>The answer to a hold: the items to keep (the live ones and the new one), or when to try again.</summary>
    /// <param name="Exceeded">Which limit refused it: <c>count</c> or <c>weight</c>; null when held.</param>
    public sealed record Decision(IReadOnlyList<Item>? Items, string? Exceeded, TimeSpan RetryAfter);

    public static Decision Hold(IReadOnlyList<Item> held, Item item, DateTimeOffset now, int maxCount, long maxWeight)
    {
        // Expired items and an earlier hold of the same id (a retried request) no longer count.
        var live = held.Where(i => i.Until > now && i.Id != item.Id).OrderBy(i => i.Until).ToList();
        if (live.Count + 1 > maxCount)
        {
            return new Decision(null, "count", live[live.Count - maxCount].Until - now);
        }
        var weight = live.Sum(i => i.Weight) + item.Weight;
        if (weight > maxWeight)
        {
            // The earliest time enough of the live items will have expired for this one to fit.
            var freed = 0L;
            var wait = live.Count > 0 ? live[^1].Until - now : TimeSpan.FromMinutes(1);
            foreach (var i in live)
            {
                freed += i.Weight;
                if (weight - freed <= maxWeight)
                {
                    wait = i.Until - now;
                    break;
                }
            }
            return new Decision(null, "weight", wait);
        }
        return new Decision([.. live, item], null, TimeSpan.Zero);
    }

    /// <summary>The live items without <paramref name="id"/>.</summary>
    public static IReadOnlyList<Item> Release(IReadOnlyList<Item> held, string id, DateTimeOffset now) =>
        [.. held.Where(i => i.Until > now && i.Id != id)];
}
