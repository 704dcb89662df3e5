using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.PartyMembers;

/// <summary>
/// A member's points ledger, for the member and the admins over a community they were approved in; anyone else is told
/// nothing (404). With <c>period</c> (a month, quarter or year), the entries counting toward it and its totals.
/// </summary>
public sealed class GetLedger(LedgerStore ledger, ReportStore reports)
{
    public async Task<LedgerView> HandleAsync(Caller caller, string userId, string? periodText, Paging paging, CancellationToken ct)
    {
        var v = new Validator();
        var period = v.Period("period", periodText, required: false);
        v.ThrowIfInvalid();
        if (!Keys.IsWellFormedId(userId)) throw Problems.NotFound("party member");
        if (caller.UserId != userId)
        {
            var approved = (await reports.OfUserAsync(userId, ct)).Where(r => r.State == ReportState.Approved).Select(r => r.CommunityPath);
            if (!PartyMemberPolicy.MayReadLedger(caller, userId, approved)) throw Problems.NotFound("party member");
        }
        var (first, last) = period is null ? ((string?)null, (string?)null) : LedgerPeriod.Months(period);
        var page = await ledger.EntriesAsync(userId, first, last, paging, ct);
        var totals = MonthTotals.Sum(period?.Text ?? "all", await ledger.MonthsAsync(userId, first, last, ct));
        return new LedgerView(userId, period?.Text, totals.Points, totals.Hours, LedgerView.Of(totals), page.Items, page.ContinuationToken);
    }
}
