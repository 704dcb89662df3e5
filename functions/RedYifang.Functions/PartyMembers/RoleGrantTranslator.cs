using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.PartyMembers;

/// <summary>An approved report becomes a <see cref="RoleGrantMessage"/> on the feature's own queue.</summary>
public sealed class RoleGrantTranslator : IEventTranslator
{
    public IEnumerable<OutboxMessage> Translate(IDomainEvent domainEvent)
    {
        if (domainEvent is ReportEvent.Approved approved) yield return new RoleGrantMessage(approved.Report.Id).ToMessage();
    }
}
