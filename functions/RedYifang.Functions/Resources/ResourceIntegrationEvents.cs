using System.Globalization;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Messaging;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Resources;

/// <summary>
/// Resources' published contract (docs/events.md), one event per version of a resource, its id <c>{resourceId}-v{version}</c>
/// (each version is written once): <c>resource.created</c> (version 1, a draft), <c>resource.stateChanged</c> when it is
/// published, paused or retired (withdrawn), and <c>resource.changed</c> when it is edited, with the fields an edit may change.
/// Each carries the resource's figures as that version has them; no description, tags or liaison (text the unit wrote and
/// people's details stay in the platform).
/// </summary>
public sealed class ResourceIntegrationEvents : IEventTranslator
{
    public IEnumerable<OutboxMessage> Translate(IDomainEvent domainEvent)
    {
        (Resource Resource, IntegrationEventType Type, string? Action)? published = domainEvent switch
        {
            ResourceCreated c => (c.Resource, IntegrationEventType.ResourceCreated, null),
            ResourceEvent { Reason: "edit" } e => (e.Resource, IntegrationEventType.ResourceChanged, null),
            ResourceEvent e => (e.Resource, IntegrationEventType.ResourceStateChanged, e.Reason),
            _ => null,
        };
        if (published is not { } p) yield break;
        var r = p.Resource;
        var data = new Dictionary<string, object?>
        {
            ["resourceId"] = r.Id, ["unitId"] = r.UnitId, ["districtId"] = r.UnitPath[0], ["category"] = EnumText.ToText(r.Category),
            ["kind"] = EnumText.ToText(r.Kind), ["amount"] = r.Amount?.ToString("0.00", CultureInfo.InvariantCulture),
            ["areaIds"] = r.AreaIds, ["monthlyCapacity"] = r.MonthlyCapacity, ["availability"] = r.Availability,
            ["validFrom"] = r.ValidFrom, ["validTo"] = r.ValidTo, ["state"] = EnumText.ToText(r.State), ["version"] = r.Version,
        };
        if (p.Action is { } action) data["action"] = action;
        var (queue, message) = IntegrationEvent.Of($"{r.Id}-v{r.Version}", p.Type, domainEvent.At, data);
        yield return new OutboxMessage(queue, message);
    }
}
