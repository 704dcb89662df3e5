namespace RedYifang.Functions.Agreements;

/// <summary>
/// What a delivery towards a commitment is. Orders feed it today (<see cref="DeliveryTranslator"/>). Activities do not exist
/// yet: when they do, a closed, evidence-backed activity organised by a unit becomes a <see cref="Delivery"/> with
/// <see cref="Activity"/> on the same queue (<see cref="Delivery.Queue"/>), and fulfilment counts it with no other change.
/// </summary>
public enum DeliverySource
{
    Order,
    Activity,
}
