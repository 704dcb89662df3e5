using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Organisations;

/// <summary>
/// An organisation was registered (written with it, in its district's tree partition: <see cref="OrgStore.AddAsync"/>).
/// <see cref="OrgIntegrationEvents"/> publishes it as <c>org.created</c>.
/// </summary>
public sealed record OrgCreated(Org Org) : IDomainEvent
{
    public DateTimeOffset At => Org.CreatedAt;
}
