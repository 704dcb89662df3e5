using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Sites;

namespace RedYifang.Functions.Assessment;

/// <summary>
/// The site events the statistics count: a service station registered (servicesStations). A site's kind and owner never change,
/// so its registration is all there is to hear; every other site and booking event is ignored.
/// </summary>
public sealed class StationTranslator : IEventTranslator
{
    public IEnumerable<OutboxMessage> Translate(IDomainEvent domainEvent)
    {
        if (domainEvent is SiteEvent.Registered { Site: { Kind: SiteKind.ServiceStation } site })
        {
            yield return new StationRegistered(site.Id, site.DistrictId, site.OwnerPath, site.CreatedAt).ToMessage();
        }
    }
}
