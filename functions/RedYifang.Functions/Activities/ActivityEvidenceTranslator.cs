using RedYifang.Functions.Evidence;
using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Activities;

/// <summary>What activities need to hear of evidence: a piece attached to an activity was verified (so it may close).</summary>
public sealed class ActivityEvidenceTranslator : IEventTranslator
{
    public IEnumerable<OutboxMessage> Translate(IDomainEvent domainEvent)
    {
        if (domainEvent is not EvidenceEvent.Verified { Record.OwnerType: OwnerType.Activity } e) yield break;
        yield return new OutboxMessage(ActivityEvidenceVerified.Queue, new ActivityEvidenceVerified(e.Record.OwnerId, e.Record.Id, e.At));
    }
}
