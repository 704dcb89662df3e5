using RedYifang.Functions.Platform.Periods;

namespace RedYifang.Functions.Assessment;

/// <summary>
/// Records what each organisation received in a closed evaluation window (queue <c>assessment-evaluations</c>) as one fact of it,
/// dated the period's first day (so it lands in the partition of the period's first month) with the id
/// <c>{period}|evaluations</c>: a message delivered twice records nothing the second time.
/// </summary>
public sealed class RecordEvaluationFacts(FactStore facts)
{
    public async Task HandleAsync(EvaluationsClosed closed, CancellationToken ct)
    {
        foreach (var fact in FactsOf(closed)) await facts.RecordAsync(fact, ct);
    }

    /// <summary>The facts of a closed window's message: one per organisation in it.</summary>
    public static IEnumerable<Fact> FactsOf(EvaluationsClosed closed)
    {
        if (!Period.TryParse(closed.Period, out var period))
        {
            throw new InvalidDataException($"Evaluations of a bad period: {closed.Period}.");
        }
        return closed.Subjects.Select(s => new Fact($"{period.Text}|evaluations", s.OrgId, FactKind.EvaluationsReceived, period.Start,
            null, DistrictId: closed.DistrictId, Evaluations: new EvaluationShare(period.Text, s.Evaluators, s.ScoreSum, s.OpinionsFrom)));
    }
}
