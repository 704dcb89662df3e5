using System.Globalization;
using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Assessment;

/// <summary>
/// The co-building rules of the assessment (docs/assessment.md, "Co-building"), over an organisation's totals for a period.
/// <para>
/// <b>Commitment fulfilment.</b> Each service commitment of an agreement in force is due pro rata over its term: in a period,
/// <c>target × (days of the term in the period, up to a termination) ÷ (days of the term)</c>. What counts against it is the
/// unit's deliveries in its category on those days. A commitment counts at most what is due
/// (<c>min(delivered, due)</c>), so delivering one commitment twice over does not make up for another; the unit's figure is
/// <c>Σ min(delivered, due) ÷ Σ due</c> over all its commitments, between 0 and 1 — <see cref="double.NaN"/> (no data) when
/// nothing is due in the period.
/// </para>
/// <para><b>Activity participation.</b> The activities the organisation held that were closed with verified evidence.</para>
/// </summary>
public static class CoBuilding
{
    public static string DeliveryKey(Category category, DateTimeOffset at) => DeliveryKey(category, ChinaTime.Today(at));

    public static string ShareKey(AgreementShare share) =>
        $"{share.AgreementId}|{share.First.ToString("yyyy-MM", CultureInfo.InvariantCulture)}";

    /// <summary>The unit's commitment fulfilment in the period the totals cover, or NaN when none of its commitments is due.</summary>
    public static double Fulfilment(Totals t)
    {
        var perCommitment = new Dictionary<(string, int), (decimal Due, int Delivered)>();
        foreach (var share in t.Agreements.Values)
        {
            foreach (var service in share.Services)
            {
                var due = share.TermDays <= 0 ? 0m : (decimal)service.Target * share.Days / share.TermDays;
                var delivered = 0;
                for (var day = share.First; day <= share.Last; day = day.AddDays(1))
                {
                    delivered += t.Deliveries.GetValueOrDefault(DeliveryKey(service.Category, day));
                }
                var key = (share.AgreementId, service.Index);
                var before = perCommitment.GetValueOrDefault(key);
                perCommitment[key] = (before.Due + due, before.Delivered + delivered);
            }
        }
        var totalDue = perCommitment.Values.Sum(c => c.Due);
        if (totalDue <= 0) return double.NaN;
        return (double)(perCommitment.Values.Sum(c => Math.Min(c.Delivered, c.Due)) / totalDue);
    }

    /// <summary>An agreement of the unit's was in force on at least one day of the period (a linked unit, 结对共建).</summary>
    public static bool Linked(Totals t) => t.Agreements.Values.Any(s => s.Days > 0);

    private static string DeliveryKey(Category category, DateOnly day) =>
        $"{EnumText.ToText(category)}|{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}
