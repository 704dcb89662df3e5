using RedYifang.Functions.ContentSecurity;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Messaging;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Evidence;

/// <summary>
/// Evidence's published contract (docs/events.md), one event per step of a piece of evidence, each reached once (ids
/// <c>{evidenceId}-{step}</c>): <c>evidence.sealed</c> when its bytes are received and sealed, <c>evidence.verified</c> when it
/// joins its organisation's chain, and <c>evidence.rejected</c> when it will never count (state rejected or failed, with the
/// system's reason). What it proves is named by owner type and id; no uploader, no file name (both are the uploader's).
/// The chain's heads are published by <see cref="EvidenceStore.TryAppendAsync"/> itself (<c>evidence.chainHead</c>).
/// A photo's screening reaching a state that changes who sees it is <c>evidence.held</c>, <c>evidence.hidden</c> or
/// <c>evidence.approved</c> (<see cref="EvidenceEvent.Screened"/>), decided by an admin (their user id) or by WeChat
/// (<c>wechat</c>): ids <c>{evidenceId}-{state}</c> for WeChat's, whose verdict comes once, and
/// <c>{evidenceId}-{state}-{decision instant}</c> for an admin's, who may change their mind.
/// </summary>
public sealed class EvidenceIntegrationEvents : IEventTranslator
{
    public IEnumerable<OutboxMessage> Translate(IDomainEvent domainEvent)
    {
        if (domainEvent is not EvidenceEvent e) yield break;
        var r = e.Record;
        var data = new Dictionary<string, object?>
        {
            ["evidenceId"] = r.Id, ["ownerType"] = EnumText.ToText(r.OwnerType), ["ownerId"] = r.OwnerId, ["chainOrgId"] = r.ChainOrgId,
            ["districtId"] = r.ChainOrgPath[0], ["kind"] = EnumText.ToText(r.Kind),
        };
        IntegrationEventType type;
        string step;
        switch (e)
        {
            case EvidenceEvent.Sealed:
                (type, step) = (IntegrationEventType.EvidenceSealed, "sealed");
                data["contentType"] = r.ContentType;
                data["size"] = r.Size;
                data["uploadSha256"] = r.UploadSha256;
                break;
            case EvidenceEvent.Verified:
                (type, step) = (IntegrationEventType.EvidenceVerified, "verified");
                data["contentType"] = r.ContentType;
                data["size"] = r.Size;
                data["sha256"] = r.Sha256;
                data["chainSeq"] = r.ChainSeq;
                data["chainHash"] = r.ChainHash;
                data["duplicateOf"] = r.DuplicateOf;
                data["committedAt"] = r.CommittedAt;
                break;
            case EvidenceEvent.Rejected:
                (type, step) = (IntegrationEventType.EvidenceRejected, EnumText.ToText(r.State));
                data["state"] = EnumText.ToText(r.State);
                data["reason"] = r.Reason;
                break;
            case EvidenceEvent.Screened screened:
                var screening = screened.Screening;
                var state = EnumText.ToText(screening.State);
                (type, step) = screening.State switch
                {
                    ScreeningState.Pending => (IntegrationEventType.EvidenceHeld, state),
                    ScreeningState.Hidden => (IntegrationEventType.EvidenceHidden, state),
                    _ => (IntegrationEventType.EvidenceApproved, state),
                };
                if (screening.DecidedAt is { } decidedAt) step += $"-{decidedAt.ToUnixTimeMilliseconds()}";
                ScreeningPayload.With(data, screened.Before, screening, screened.At);
                break;
            default:
                yield break;
        }
        var (queue, message) = IntegrationEvent.Of($"{r.Id}-{step}", type, e.At, data);
        yield return new OutboxMessage(queue, message);
    }
}
