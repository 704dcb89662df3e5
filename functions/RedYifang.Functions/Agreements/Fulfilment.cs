using RedYifang.Functions.Funding;
using RedYifang.Functions.Platform.Periods;

namespace RedYifang.Functions.Agreements;

/// <summary>
/// The fulfilment rule: a service commitment counts the deliveries of the agreement's unit in the commitment's category
/// (accepted orders with verified evidence; closed activities when they exist) made on a day of the counting window, each
/// once. Funds commitments count the money the unit gave naming the agreement (<see cref="FundsDelivered"/>).
/// </summary>
public static class Fulfilment
{
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

    /// <summary>
    /// The fen of <paramref name="totalFen"/> (the money given naming the agreement, less reversals) that funds commitment
    /// <paramref name="index"/> counts. A movement names the agreement, not one of its commitments, so the money fills the funds
    /// commitments in their order, each up to its amount, and the last takes what is over; nothing below zero (a reversal heard
    /// before the gift it undoes). The movements are not dated against the term: naming the agreement is what attributes them.
    /// </summary>
    public static long FundsDelivered(Agreement agreement, int index, long totalFen)
    {
        var left = Math.Max(0, totalFen);
        var funds = agreement.Commitments.Select((c, i) => (c, i)).Where(x => x.c.Kind == CommitmentKind.Funds).ToList();
        foreach (var (c, i) in funds)
        {
            var share = i == funds[^1].i ? left : Math.Min(left, Fen(c.Amount!.Value));
            if (i == index) return share;
            left -= share;
        }
        throw new ArgumentOutOfRangeException(nameof(index), $"Commitment {index} is not a funds commitment.");
    }

    private static long Fen(decimal yuan) => (long)decimal.Round(yuan * 100, 0, MidpointRounding.AwayFromZero);

    /// <summary>Commitment <paramref name="index"/> of the agreement, given its unit's deliveries in the commitment's category.</summary>
    public static CommitmentFulfilment Of(Agreement agreement, int index, IEnumerable<DeliveryRef> deliveries,
        IReadOnlyList<FundsRef>? funds = null)
    {
        var commitment = agreement.Commitments[index];
        if (commitment.Kind == CommitmentKind.Funds)
        {
            var movements = funds ?? [];
            var committed = Fen(commitment.Amount!.Value);
            var delivered = FundsDelivered(agreement, index, movements.Sum(m => m.Fen));
            var fundsRatio = committed == 0 ? (decimal?)null
                : Math.Round((decimal)delivered / committed, 4, MidpointRounding.AwayFromZero);
            return new CommitmentFulfilment(index, commitment.Category, commitment.Kind, null, null, fundsRatio, [], null,
                new Money(committed).ToString(), new Money(delivered).ToString(), movements);
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
