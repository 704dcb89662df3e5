using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Messaging;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Sites;

/// <summary>
/// Sites' published contract: <c>site.registered</c> and <c>site.changed</c> with the site's figures as the version has them (id
/// <c>{siteId}-v{version}</c>: each version once), and <c>site.bookingChanged</c> when a booking is made or cancelled (id
/// <c>{bookingId}-{state}</c>: each state reached once). No user ids leave.
/// </summary>
public sealed class SiteIntegrationEvents : IEventTranslator
{
    public IEnumerable<OutboxMessage> Translate(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case SiteEvent e:
                var s = e.Site;
                var (queue, message) = IntegrationEvent.Of($"{s.Id}-v{s.Version}",
                    e is SiteEvent.Registered ? IntegrationEventType.SiteRegistered : IntegrationEventType.SiteChanged, e.At, new
                    {
                        siteId = s.Id, districtId = s.DistrictId, streetId = s.StreetId, ownerOrgId = s.OwnerOrgId,
                        kind = EnumText.ToText(s.Kind), floorAreaM2 = s.FloorAreaM2, capacity = s.Capacity, sharedUse = s.SharedUse,
                        version = s.Version,
                    });
                yield return new OutboxMessage(queue, message);
                break;
            case BookingEvent b:
                var booking = b.Booking;
                var (q, m) = IntegrationEvent.Of($"{booking.Id}-{EnumText.ToText(booking.State)}",
                    IntegrationEventType.SiteBookingChanged, b.At, new
                {
                    bookingId = booking.Id, siteId = booking.SiteId, districtId = booking.DistrictId, orgId = booking.OrgId,
                    from = booking.From, to = booking.To, activityId = booking.ActivityId,
                    state = EnumText.ToText(booking.State),
                });
                yield return new OutboxMessage(q, m);
                break;
        }
    }
}
