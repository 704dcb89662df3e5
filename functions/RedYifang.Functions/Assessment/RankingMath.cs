namespace RedYifang.Functions.Assessment;

/// <summary>
/// Scores one peer group: each indicator's raw value is normalised min–max over the group's eligible members
/// (inverted where lower is better; 0 when all are equal), weighted and summed. Eligible members are ranked
/// 1..n by score (rounded to 6 places), equal scores by the raw value of the group's heaviest indicator, then by
/// organisation id; ineligible members follow, unranked.
/// </summary>
public static class RankingMath
{
    public const string NotAvailable = "该指标的数据来源尚未上线，所有组织计 0";
    public const string NoData = "本期无数据，按本组最差计";

    public static IReadOnlyList<Ranked> Rank(PeerGroup group, IReadOnlyList<IndicatorWeight> weights, IEnumerable<Candidate> members)
    {
        var list = members.ToList();
        var eligible = list.ConvertAll(m => !Catalogue.NeedsParticipation(group) || m.Totals.Participated);
        var raws = weights.Select(w => list.Select(m => Raw(w.Indicator, m.Totals)).ToArray()).ToList();
        var bounds = raws.Select(r => Bounds(r, eligible)).ToArray();
        var scored = new List<Ranked>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            var indicators = new List<IndicatorScore>(weights.Count);
            for (var k = 0; k < weights.Count; k++)
            {
                var w = weights[k];
                var (min, max) = bounds[k];
                var normalised = Normalise(raws[k][i], min, max, w.Direction);
                string? note = null;
                if (!Catalogue.Entries[w.Indicator].Available) note = NotAvailable;
                else if (double.IsNaN(raws[k][i])) note = NoData;
                indicators.Add(
                    new IndicatorScore(w.Indicator, Round(raws[k][i]), Round(normalised), w.Weight, Round(w.Weight * normalised), note));
            }
            scored.Add(new Ranked(
                list[i].OrgId,
                list[i].Name,
                group,
                list[i].StreetId,
                null,
                Round(indicators.Sum(x => x.Contribution)),
                eligible[i],
                indicators));
        }
        var heaviest = weights.Select((w, k) => (w, k)).OrderByDescending(x => x.w.Weight).ThenBy(x => x.k).Select(x => x.k)
            .FirstOrDefault();
        var ordered = scored
            .OrderByDescending(r => r.Eligible)
            .ThenByDescending(r => r.Score)
            .ThenByDescending(
                r => weights.Count == 0 ? 0 : r.Indicators[heaviest].Raw * (weights[heaviest].Direction == Direction.Higher ? 1 : -1))
            .ThenBy(r => r.OrgId, StringComparer.Ordinal)
            .ToList();
        var rank = 0;
        return ordered.ConvertAll(r => r.Eligible ? r with { Rank = ++rank } : r);
    }

    public static double Raw(Indicator indicator, Totals t) => indicator switch
    {
        Indicator.OrdersAccepted => t.AcceptedWithEvidence,
        Indicator.ServiceHours => (double)t.ServiceHours,
        Indicator.Beneficiaries => t.Beneficiaries,
        Indicator.Satisfaction => (t.StarsSum + (3 * 4.0)) / (t.Rated + 3),
        Indicator.CompletionRate => CompletionRate(t),
        Indicator.TraceCompleteness => t.Accepted == 0 ? 0 : (double)t.AcceptedWithEvidence / t.Accepted,
        Indicator.CommitmentFulfilment => CoBuilding.Fulfilment(t),
        Indicator.ActivityParticipation => t.ActivitiesClosed,
        Indicator.EvaluationsReceived => EvaluationShare.Mean(t.Evaluations.Values),
        Indicator.FundsGiven => t.FundsGivenFen / 100.0,
        Indicator.MedianResponseTime => t.ResponseMinutes.Count == 0 ? double.NaN : Median(t.ResponseMinutes) / 60.0,
        _ => 0,
    };

    /// <summary>
    /// Evidence-backed accepted orders over those plus the failures, with a prior of two orders at 0.8 so that one
    /// order does not make a rate of 1 or 0: (accepted + 1.6) / (accepted + failures + 2).
    /// </summary>
    public static double CompletionRate(Totals t) => (t.AcceptedWithEvidence + (2 * 0.8)) / (t.AcceptedWithEvidence + t.Failures + 2);

    private static (double Min, double Max) Bounds(double[] raws, List<bool> eligible)
    {
        var values = raws.Where((v, i) => eligible[i] && !double.IsNaN(v)).ToList();
        return values.Count == 0 ? (0, 0) : (values.Min(), values.Max());
    }

    /// <summary>A missing value (no published order, so no response time) counts as the group's worst.</summary>
    private static double Normalise(double raw, double min, double max, Direction direction)
    {
        if (double.IsNaN(raw)) return 0;
        if (max <= min) return 0;
        var n = Math.Clamp((raw - min) / (max - min), 0, 1);
        return direction == Direction.Higher ? n : 1 - n;
    }

    private static double Median(IReadOnlyList<int> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2.0;

    private static double Round(double value) => double.IsNaN(value) ? 0 : Math.Round(value, 6, MidpointRounding.AwayFromZero);
}
