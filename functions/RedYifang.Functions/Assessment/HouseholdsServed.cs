using System.Globalization;
using RedYifang.Functions.Platform.Periods;

namespace RedYifang.Functions.Assessment;

/// <summary>
/// The <c>householdsServed</c> rule (docs/assessment.md): a household of a community is served in a period when an order its
/// resident raised there was accepted (验收) in the period with verified evidence. Orders staff raised for residents name no
/// household and are not counted. Each household counts once per period however many of its orders were accepted: the fact for
/// a period is keyed by household and period and dated the period's start, so it lands in one partition of the fact store (the
/// period's first month) where a second one is refused as a duplicate.
/// </summary>
public static class HouseholdsServed
{
    /// <summary>The month, quarter and year (China Standard Time) that <paramref name="at"/> falls in.</summary>
    public static IEnumerable<Period> PeriodsOf(DateTimeOffset at)
    {
        var china = at.ToOffset(ChinaTime.Offset);
        var quarter = ((china.Month - 1) / 3) + 1;
        var year = china.Year.ToString("0000", CultureInfo.InvariantCulture);
        foreach (var text in new[] { $"{year}-{china.Month.ToString("00", CultureInfo.InvariantCulture)}", $"{year}-Q{quarter}", year })
        {
            yield return Period.TryParse(text, out var period) ? period : throw new InvalidOperationException($"Not a period: {text}.");
        }
    }

    /// <summary>The facts an accepted, evidence-backed order of <paramref name="household"/> in a community records.</summary>
    public static IEnumerable<Fact> Facts(string communityId, string household, string orderId, string districtId, DateTimeOffset at) =>
        PeriodsOf(at).Select(p => new Fact($"household|{household}|{p.Text}", communityId, FactKind.HouseholdServed, p.Start, orderId,
            EvidenceVerified: true, DistrictId: districtId, Household: household, Period: p.Text));

    /// <summary>The households counted for <paramref name="period"/> in totals summed over its months.</summary>
    public static int In(Totals totals, Period period) => totals.HouseholdsServed.GetValueOrDefault(period.Text);

    /// <summary>Served households as a share of the registry's, four decimals; null without a registry figure above 0.</summary>
    public static double? Share(int served, int? households) =>
        households is > 0 ? Math.Round((double)served / households.Value, 4, MidpointRounding.AwayFromZero) : null;
}
