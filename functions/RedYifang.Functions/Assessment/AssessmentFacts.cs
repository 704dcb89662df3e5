namespace RedYifang.Functions.Assessment;

/// <summary>Records the facts of an order event (queue <c>assessment-facts</c>); the event carries all it needs.</summary>
public sealed class AssessmentFacts(FactStore facts)
{
    public async Task RecordAsync(AssessmentEvent e, CancellationToken ct)
    {
        foreach (var fact in OrderFacts.From(e)) await facts.RecordAsync(fact, ct);
    }
}
