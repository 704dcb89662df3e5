namespace RedYifang.Functions.Evaluations;

/// <summary>
/// Evaluation is blind (docs/evaluations.md): what an organisation received is known only as a count and a mean, only after its
/// window has closed, and only when at least <see cref="MinimumEvaluators"/> evaluated it — fewer would let it work out who gave
/// which score. A unit is evaluated by its street and its community only, so a unit never has a mean: for units what counts is
/// whether the street and the community gave their opinion (awards).
/// </summary>
public static class BlindRules
{
    public const int MinimumEvaluators = 3;

    /// <summary>The mean score with two decimals, rounded half away from zero in decimal arithmetic (75.225 → 75.23).</summary>
    public static decimal Mean(int scoreSum, int evaluators)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(evaluators, 1);
        // Adding 0.00m gives every mean two places (80.10, not 80.1), as the API shows it.
        return Math.Round((decimal)scoreSum / evaluators, 2, MidpointRounding.AwayFromZero) + 0.00m;
    }

    /// <summary>Whether a count of evaluators may be shown with its mean.</summary>
    public static bool MayReveal(int evaluators) => evaluators >= MinimumEvaluators;

    /// <summary>What each organisation evaluated in a closed window received, ordered by its id.</summary>
    public static IReadOnlyList<ReceivedSummary> Summarise(IEnumerable<Evaluation> evaluations) =>
        [
            .. evaluations
                .GroupBy(e => e.SubjectOrgId, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g =>
                {
                    var count = g.Count();
                    return new ReceivedSummary(g.Key, count, MayReveal(count) ? g.Sum(e => e.Score) : null,
                        [.. g.Where(e => e.FromAbove).Select(e => e.EvaluatorOrgId).Order(StringComparer.Ordinal)]);
                }),
        ];
}
