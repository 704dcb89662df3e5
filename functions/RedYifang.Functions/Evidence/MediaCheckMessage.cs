using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Evidence;

/// <summary>The message of queue <c>evidence-media-check</c>: a photo verified (joined its chain), to send to WeChat's check.</summary>
public sealed record MediaCheckMessage(string EvidenceId)
{
    public const string Queue = "evidence-media-check";
}

/// <summary>
/// A photo that joined its chain goes to WeChat's media check: staged in the same transaction as the chain's new link
/// (EvidenceStore.TryAppendAsync), so a WeChat outage delays the check and never loses it.
/// </summary>
public sealed class MediaCheckTranslator : IEventTranslator
{
    public IEnumerable<OutboxMessage> Translate(IDomainEvent domainEvent)
    {
        if (domainEvent is not EvidenceEvent.Verified { Record.Kind: EvidenceKind.Photo } e) yield break;
        yield return new OutboxMessage(MediaCheckMessage.Queue, new MediaCheckMessage(e.Record.Id));
    }
}
