namespace RedYifang.Functions.Platform.Quotas;

/// <summary>Per-user quotas of things pending at once (<see cref="Holdings"/>), kept in Table Storage across instances.</summary>
public sealed class HeldQuotas(QuotaRows rows, TimeProvider clock)
{
    private sealed record State(IReadOnlyList<Holdings.Item> Items);

    private State? Released(State? current, string id) =>
        current is { } held && held.Items.Any(i => i.Id == id) ? new State(Holdings.Release(held.Items, id, clock.GetUtcNow())) : null;

    /// <summary>Holds <paramref name="item"/>, or answers which limit refused it and when to try again.</summary>
    public Task<Holdings.Decision> HoldAsync(
        string quota,
        string userId,
        Holdings.Item item,
        int maxCount,
        long maxWeight,
        CancellationToken ct) =>
        rows.ChangeAsync<State, Holdings.Decision>(userId, quota, current =>
        {
            var decision = Holdings.Hold(current?.Items ?? [], item, clock.GetUtcNow(), maxCount, maxWeight);
            return (decision.Items is { } items ? new State(items) : null, decision);
        }, ct);

    /// <summary>
    /// Releases a held item. Best effort: an item not released when storage fails still stops counting when its time runs
    /// out, and the caller's own outcome is what they should see.
    /// </summary>
    public async Task TryReleaseAsync(string quota, string userId, string id)
    {
        try
        {
            await rows.ChangeAsync<State, bool>(userId, quota, current => (Released(current, id), true), CancellationToken.None);
        }
        catch (Exception e) when (Storage.StorageOutage.Is(e))
        {
            // See above.
        }
    }
}
