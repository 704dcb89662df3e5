using Microsoft.Extensions.Logging;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Agreements;

/// <summary>
/// The renewal notice (the agreements timer): an active agreement whose term ends within <see cref="Agreement.RenewalNoticeDays"/>
/// days raises <c>agreement.renewalDue</c> once — recorded on the agreement in the same transaction as the event's outbox row,
/// so a second run, or two instances at once, raise it no further. Each district on its own.
/// </summary>
public sealed partial class RaiseRenewalNotices(AgreementStore agreements, OrgStore orgs, TimeProvider clock,
    ILogger<RaiseRenewalNotices> logger)
{
    /// <summary>Returns how many notices were raised.</summary>
    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var raised = 0;
        foreach (var district in await orgs.DistrictsAsync(ct))
        {
            try
            {
                raised += await RaiseAsync(district.Id, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogDistrictFailed(e, district.Id);
            }
        }
        return raised;
    }

    private async Task<int> RaiseAsync(string districtId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = ChinaTime.Today(now);
        var raised = 0;
        await foreach (var ending in agreements.ActiveEndingAsync(districtId, today, today.AddDays(Agreement.RenewalNoticeDays), ct))
        {
            if (!ending.IsRenewalDue(now)) continue;
            var stored = await agreements.FindAsync(ending.Id, ct);
            if (stored?.Agreement.IsRenewalDue(now) != true) continue;
            try
            {
                await agreements.UpdateAsync(stored, stored.Agreement.NoteRenewalDue(now), ct);
                raised++;
            }
            catch (ConflictException)
            {
                // Changed meanwhile (terminated, or noticed by another instance): the next run looks again.
            }
        }
        return raised;
    }

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "Raising the renewal notices of district {DistrictId} failed; the other districts go on")]
    private partial void LogDistrictFailed(Exception exception, string districtId);
}
