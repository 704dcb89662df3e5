namespace RedYifang.Functions.Demo;

/// <summary>
/// The clock the demo's past steps run on: set to the moment each step happened (a check-in during its activity, a review the
/// day after), so the features' own use cases stamp and check it as they did then.
/// </summary>
public sealed class DemoClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
