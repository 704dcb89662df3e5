using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Agreements;

/// <summary>
/// Active agreements of a district whose term is over (its last day has passed in China) expire: one range of its
/// partition (the agreements timer, <see cref="RunAgreementTimer"/>).
/// </summary>
public sealed class ExpireAgreements(AgreementStore agreements, TimeProvider clock)
{
    /// <summary>Expires the district's agreements whose term is over; returns how many.</summary>
    public async Task<int> HandleAsync(string districtId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var expired = 0;
        await foreach (var ended in agreements.ActiveEndingBeforeAsync(districtId, ChinaTime.Today(now), ct))
        {
            var stored = await agreements.FindAsync(ended.Id, ct);
            if (stored is not { Agreement.State: AgreementState.Active } || !stored.Agreement.HasEnded(now)) continue;
            try
            {
                await agreements.UpdateAsync(stored, stored.Agreement.Expire(now), ct);
                expired++;
            }
            catch (ConflictException)
            {
                // Changed between the read and the write (terminated meanwhile): the next run looks again.
            }
        }
        return expired;
    }
}
