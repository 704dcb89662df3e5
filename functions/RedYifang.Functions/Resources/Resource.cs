using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Resources;

public enum ResourceKind
{
    Service,
    Funds,
}

public enum ResourceState
{
    Draft,
    Published,
    Paused,
    Retired,
}

public enum ResourceAction
{
    Publish,
    Pause,
    Retire,
}

/// <summary>A weekly window, China Standard Time: weekday 1–7 (Monday = 1), "HH:mm" to "HH:mm".</summary>
public sealed record AvailabilityWindow(int Weekday, string From, string To);

/// <summary>A unit's service resource (服务资源清单). <see cref="UnitPath"/> places the unit in the hierarchy.</summary>
public sealed record Resource(
    string Id,
    string UnitId,
    IReadOnlyList<string> UnitPath,
    string Title,
    Category Category,
    string Description,
    ResourceKind Kind,
    decimal? Amount,
    IReadOnlyList<string> AreaIds,
    int MonthlyCapacity,
    IReadOnlyList<AvailabilityWindow> Availability,
    DateOnly ValidFrom,
    DateOnly ValidTo,
    IReadOnlyList<string> Tags,
    ResourceState State,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public ResourceChange Apply(ResourceAction action, DateTimeOffset at)
    {
        var after = this with { State = ResourceLifecycle.Target(action, State), UpdatedAt = at };
        return new ResourceChange(after, new ResourceEvent(after, EnumText.ToText(action)));
    }
}

public static class ResourceLifecycle
{
    public static ResourceState Target(ResourceAction action, ResourceState from) => (action, from) switch
    {
        (ResourceAction.Publish, ResourceState.Draft or ResourceState.Paused) => ResourceState.Published,
        (ResourceAction.Pause, ResourceState.Published) => ResourceState.Paused,
        (ResourceAction.Retire, not ResourceState.Retired) => ResourceState.Retired,
        _ => throw new InvalidTransitionException("invalid_transition",
            new("资源当前状态不允许此操作", "The resource's state does not allow this"),
            new LocalizedText("资源处于 {0} 状态，不能执行 {1}。", "The resource is {0}; it cannot be {1}.")
                .Format(EnumText.ToText(from), EnumText.ToText(action))),
    };
}
