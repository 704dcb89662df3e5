using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Agreements;

/// <summary>
/// The renewal notice (the agreements timer): an active agreement whose term ends within <see cref="Agreement.RenewalNoticeDays"/>
/// days raises <c>agreement.renewalDue</c> once — recorded on the agreement in the same transaction as the event's outbox row,
/// so a second run, or two instances at once, raise it no further (the agreements timer, <see cref="RunAgreementTimer"/>).
/// </summary>
public sealed class RaiseRenewalNotices(AgreementStore agreements, TimeProvider clock)
{
    /// <summary>Raises the district's renewal notices that are due; returns how many.</summary>
    public async Task<int> HandleAsync(string districtId, CancellationToken ct)
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
}
