using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Sites;

/// <summary>
/// What happened to a site. Each event carries the site as it is after the event, so a consumer needs no read of it;
/// <see cref="SiteIntegrationEvents"/> turns them into integration events, Assessment's translator a registered service
/// station into the fact its statistics count.
/// </summary>
public abstract record SiteEvent(Site Site) : IDomainEvent
{
    public DateTimeOffset At => Site.UpdatedAt;

    public sealed record Registered(Site Site) : SiteEvent(Site);

    /// <summary>Edited: <see cref="Before"/> is the version it replaced.</summary>
    public sealed record Changed(Site Site, Site Before) : SiteEvent(Site);
}
