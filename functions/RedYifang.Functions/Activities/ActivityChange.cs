namespace RedYifang.Functions.Activities;

/// <summary>An activity after an action, and the events the action caused (written with it, in one transaction).</summary>
public sealed record ActivityChange(Activity Activity, IReadOnlyList<ActivityEvent> Events);
