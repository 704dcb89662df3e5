using RedYifang.Functions.Activities;
using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Agreements;

/// <summary>
/// What agreements need to hear of activities: an activity closed (which needs verified evidence of it) that delivers a
/// commitment is a delivery of its organiser — the agreement's unit, checked when the activity was created — in the
/// commitment's category, on the day it was held (its start). Closing is final, so nothing is taken back.
/// </summary>
public sealed class ActivityDeliveryTranslator : IEventTranslator
{
    public IEnumerable<OutboxMessage> Translate(IDomainEvent domainEvent)
    {
        if (domainEvent is not ActivityEvent.Closed { Activity.Agreement: { } link } e) yield break;
        var activity = e.Activity;
        yield return new Delivery(DeliverySource.Activity, activity.Id, activity.DistrictId, activity.OrganiserOrgId, link.Category,
            activity.StartsAt).ToMessage();
    }
}
