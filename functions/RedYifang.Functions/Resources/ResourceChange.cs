namespace RedYifang.Functions.Resources;

/// <summary>A resource after an action, and the event the action caused (written with it, in one transaction).</summary>
public sealed record ResourceChange(Resource Resource, ResourceEvent Event);
