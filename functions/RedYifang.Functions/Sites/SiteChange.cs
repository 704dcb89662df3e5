namespace RedYifang.Functions.Sites;

/// <summary>A site after an action, and the events the action caused (written with it, in one transaction).</summary>
public sealed record SiteChange(Site Site, IReadOnlyList<SiteEvent> Events);
