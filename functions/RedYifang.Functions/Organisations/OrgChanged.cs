using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Organisations;

/// <summary>
/// An organisation was edited: <see cref="Entry"/> is the history entry written with it (who, when, before and after).
/// <see cref="OrgIntegrationEvents"/> publishes it as <c>org.changed</c>.
/// </summary>
public sealed record OrgChanged(Org Org, OrgHistoryEntry Entry) : IDomainEvent
{
    public DateTimeOffset At => Entry.At;
}
