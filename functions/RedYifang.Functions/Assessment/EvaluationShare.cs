using RedYifang.Functions.Evaluations;
using RedYifang.Functions.Platform.Periods;

namespace RedYifang.Functions.Assessment;

/// <summary>
/// What an organisation received in one closed evaluation window, as Evaluations summed it up (queue
/// <c>assessment-evaluations</c>): <see cref="Evaluators"/> and <see cref="ScoreSum"/> only when at least three evaluated it
/// (<see cref="BlindRules"/>; null otherwise), and the streets or communities above it that gave their opinion.
/// </summary>
public sealed record EvaluationShare(string Period, int? Evaluators, int? ScoreSum, IReadOnlyList<string> OpinionsFrom)
{
    /// <summary>
    /// The <c>evaluationsReceived</c> indicator: the mean score over every evaluation of the shares that have one (each period's
    /// evaluators counted once each), two decimals as Evaluations rounds it; NaN (no data) when none has.
    /// </summary>
    public static double Mean(IEnumerable<EvaluationShare> shares)
    {
        var (sum, count) = (0, 0);
        foreach (var share in shares)
        {
            if (share is not { Evaluators: { } n, ScoreSum: { } s }) continue;
            (sum, count) = (sum + s, count + n);
        }
        return count == 0 ? double.NaN : (double)BlindRules.Mean(sum, count);
    }

    /// <summary>Whether the evaluation period <paramref name="text"/> lies within <paramref name="period"/>.</summary>
    public static bool IsWithin(string text, Period period) =>
        Platform.Periods.Period.TryParse(text, out var p) && p.Start >= period.Start && p.End <= period.End;
}
