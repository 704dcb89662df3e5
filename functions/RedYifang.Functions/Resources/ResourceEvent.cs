using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Resources;

/// <summary>A resource changed state (published, paused, retired): the orders it can serve are ranked again.</summary>
/// <param name="Reason">The action, as api.md names it.</param>
public sealed record ResourceEvent(Resource Resource, string Reason) : IDomainEvent
{
    public DateTimeOffset At => Resource.UpdatedAt;
}
