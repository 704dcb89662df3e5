using Microsoft.Extensions.Logging;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Agreements;

/// <summary>
/// Active agreements whose term is over (its last day has passed in China) expire (the agreements timer). Each district on
/// its own, one range of its partition: one district's failure is logged and the others go on.
/// </summary>
public sealed partial class ExpireAgreements(AgreementStore agreements, OrgStore orgs, TimeProvider clock, ILogger<ExpireAgreements> logger)
{
    /// <summary>Returns how many agreements expired.</summary>
    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var expired = 0;
        foreach (var district in await orgs.DistrictsAsync(ct))
        {
            try
            {
                expired += await ExpireAsync(district.Id, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogDistrictFailed(e, district.Id);
            }
        }
        return expired;
    }

    private async Task<int> ExpireAsync(string districtId, CancellationToken ct)
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Expiring the agreements of district {DistrictId} failed; the other districts go on")]
    private partial void LogDistrictFailed(Exception exception, string districtId);
}
