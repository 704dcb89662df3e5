using RedYifang.Functions.Platform.Periods;

namespace RedYifang.Functions.Platform.Quotas;

/// <summary>Per-user daily quotas (<see cref="DailyCount"/>), counted in Table Storage so that they hold across instances.</summary>
public sealed class DailyQuotas(QuotaRows rows, TimeProvider clock)
{
    /// <summary>Counts one more today, or throws 429 <paramref name="code"/> when <paramref name="limit"/> is reached.</summary>
    public async Task TakeAsync(string quota, string code, string userId, int limit, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var taken = await rows.ChangeAsync<DailyCount, bool>(userId, quota, current =>
        {
            var next = DailyCount.Take(current, ChinaTime.Today(now), limit);
            return (next, next is not null);
        }, ct);
        if (!taken) throw QuotaProblems.DailyQuota(code, limit, DailyCount.UntilTomorrow(now));
    }

    /// <summary>
    /// Gives back one taken today, for an action that failed after its take. Best effort: when storage fails here too, the
    /// caller's failure is what they should see, and the quota stays one lower until tomorrow.
    /// </summary>
    public async Task TryReturnAsync(string quota, string userId)
    {
        var today = ChinaTime.Today(clock.GetUtcNow());
        try
        {
            await rows.ChangeAsync<DailyCount, bool>(
                userId, quota, current => (DailyCount.Return(current, today), true), CancellationToken.None);
        }
        catch (Exception e) when (Storage.StorageOutage.Is(e))
        {
            // Nothing more to do: see above.
        }
    }
}
