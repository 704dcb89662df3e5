using System.Globalization;
using RedYifang.Functions.Platform.Periods;

namespace RedYifang.Functions.Assessment;

/// <summary>
/// Turns a co-building event into facts for the organisation it concerns, in its district. An agreement in force becomes one
/// fact per month of its term (dated the first day of the term in that month, so each lands in its month's partition): that
/// month's part of the term, cut at the last day it is in force. A termination gives the same months again, shorter; the
/// totals keep the shorter (<see cref="AgreementShare.Merge"/>), so it does not matter which message comes first.
/// </summary>
public static class CoBuildingFacts
{
    public static IEnumerable<Fact> From(CoBuildingEvent e)
    {
        switch (e.Kind)
        {
            case FactKind.AgreementInForce when e.Agreement is { } terms:
                var termDays = terms.TermTo.DayNumber - terms.TermFrom.DayNumber + 1;
                var start = new DateOnly(terms.TermFrom.Year, terms.TermFrom.Month, 1);
                for (var month = start; month <= terms.TermTo; month = month.AddMonths(1))
                {
                    var first = month < terms.TermFrom ? terms.TermFrom : month;
                    var monthLast = month.AddMonths(1).AddDays(-1);
                    var last = new[] { monthLast, terms.TermTo, terms.LastDay }.Min();
                    var share = new AgreementShare(e.SourceId, first, last, termDays, terms.Services);
                    var id = $"{e.SourceId}|{month.ToString("yyyy-MM", CultureInfo.InvariantCulture)}|until|"
                        + terms.LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    yield return new Fact(id, e.OrgId, e.Kind, ChinaTime.At(first.ToDateTime(TimeOnly.MinValue), TimeOnly.MinValue), null,
                        DistrictId: e.DistrictId, Agreement: share);
                }
                break;
            case FactKind.Delivered when e.Category is { } category:
                yield return new Fact($"{(e.FromOrder ? "order" : "activity")}|{e.SourceId}|delivered", e.OrgId, e.Kind, e.At,
                    e.FromOrder ? e.SourceId : null, DistrictId: e.DistrictId, ActivityId: e.FromOrder ? null : e.SourceId,
                    Category: category);
                break;
            case FactKind.FundsGiven:
                yield return new Fact($"{e.SourceId}|funds", e.OrgId, e.Kind, e.At, null, DistrictId: e.DistrictId, Fen: e.Fen);
                break;
            case FactKind.ActivityClosed:
                yield return new Fact($"{e.SourceId}|closed", e.OrgId, e.Kind, e.At, null, EvidenceVerified: true, DistrictId: e.DistrictId,
                    ActivityId: e.SourceId);
                break;
        }
    }
}
