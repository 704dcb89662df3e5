using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Assessment;

/// <summary>An order change the assessment counts, staged with the change (queue <c>assessment-facts</c>).</summary>
/// <param name="EvidenceVerified">For an acceptance: every piece of the completion's evidence was verified and the order's.</param>
public sealed record AssessmentEvent(FactKind Kind, DateTimeOffset At, OrderSnapshot Order, bool EvidenceVerified = false)
{
    public const string Queue = "assessment-facts";

    public OutboxMessage ToMessage() => new(Queue, this);
}
