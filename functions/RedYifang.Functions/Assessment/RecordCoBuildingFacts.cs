namespace RedYifang.Functions.Assessment;

/// <summary>Records the facts of a co-building event (queue <c>assessment-cobuilding</c>); the event carries all it needs.</summary>
public sealed class RecordCoBuildingFacts(FactStore facts)
{
    public async Task HandleAsync(CoBuildingEvent e, CancellationToken ct)
    {
        foreach (var fact in CoBuildingFacts.From(e)) await facts.RecordAsync(fact, ct);
    }
}
