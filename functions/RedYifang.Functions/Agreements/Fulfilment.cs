using RedYifang.Functions.Platform.Periods;

namespace RedYifang.Functions.Agreements;

/// <summary>
/// The fulfilment rule: a service commitment counts the deliveries of the agreement's unit in the commitment's category
/// (accepted orders with verified evidence; closed activities when they exist) made on a day of the counting window, each
/// once. Funds commitments count money actually given, which needs the funding ledger: until it exists they say so.
/// </summary>
public static class Fulfilment
{
    public const string FundsNotAvailable = "资金承诺的到位情况待经费功能上线后统计，暂不可用";

    /// <summary>
    /// The days whose deliveries count: the term, China Standard Time, both ends included; for a terminated agreement only up
    /// to the day it was terminated (what the unit does afterwards is not under the agreement). A draft shows what would count.
    /// </summary>
    public static (DateOnly First, DateOnly Last) Window(Agreement agreement)
    {
        var terminated = agreement.State == AgreementState.Terminated
            ? agreement.History.Last(s => s.Action == AgreementAction.Terminate).At
            : (DateTimeOffset?)null;
        var last = terminated is { } at && ChinaTime.Today(at) < agreement.TermTo ? ChinaTime.Today(at) : agreement.TermTo;
        return (agreement.TermFrom, last);
    }

    /// <summary>Commitment <paramref name="index"/> of the agreement, given its unit's deliveries in the commitment's category.</summary>
    public static CommitmentFulfilment Of(Agreement agreement, int index, IEnumerable<DeliveryRef> deliveries)
    {
        var commitment = agreement.Commitments[index];
        if (commitment.Kind == CommitmentKind.Funds)
        {
            return new CommitmentFulfilment(index, commitment.Category, commitment.Kind, null, null, null, [], FundsNotAvailable);
        }
        var (first, last) = Window(agreement);
        var counted = deliveries
            .Where(d => ChinaTime.Today(d.At) >= first && ChinaTime.Today(d.At) <= last)
            .DistinctBy(d => (d.Source, d.Id))
            .OrderBy(d => d.At).ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        var target = commitment.Target!.Value;
        var ratio = Math.Round((decimal)counted.Count / target, 4, MidpointRounding.AwayFromZero);
        return new CommitmentFulfilment(index, commitment.Category, commitment.Kind, target, counted.Count, ratio, counted, null);
    }
}
