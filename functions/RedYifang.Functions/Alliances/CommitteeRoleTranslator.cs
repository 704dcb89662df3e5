using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Alliances;

/// <summary>A seat appointed or removed becomes a <see cref="CommitteeRoleMessage"/> on the feature's own queue.</summary>
public sealed class CommitteeRoleTranslator : IEventTranslator
{
    public IEnumerable<OutboxMessage> Translate(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case AllianceEvent.CommitteeAppointed a:
                yield return new CommitteeRoleMessage(a.Seat.AllianceId, a.Seat.UserId, a.Seat.AppointedBy, a.Seat.AppointedBy).ToMessage();
                break;
            case AllianceEvent.CommitteeRemoved r:
                yield return new CommitteeRoleMessage(r.Seat.AllianceId, r.Seat.UserId, r.By, r.Seat.AppointedBy).ToMessage();
                break;
        }
    }
}
