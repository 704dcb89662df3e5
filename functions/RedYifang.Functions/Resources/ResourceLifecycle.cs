using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Resources;

/// <summary>draft → published ⇄ paused → retired.</summary>
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
