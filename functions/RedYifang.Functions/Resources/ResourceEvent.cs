using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Resources;

/// <summary>A resource changed state (published, paused, retired) or was edited: the orders it can serve are ranked again.</summary>
/// <param name="Reason">The action, as api.md names it, or <c>edit</c>.</param>
public sealed record ResourceEvent(Resource Resource, string Reason) : IDomainEvent
{
    public DateTimeOffset At => Resource.UpdatedAt;

    /// <summary>Areas an edit took away: their orders are ranked again too, without the resource.</summary>
    public IReadOnlyList<string> FormerAreaIds { get; init; } = [];
}
