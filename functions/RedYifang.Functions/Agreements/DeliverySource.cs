namespace RedYifang.Functions.Agreements;

/// <summary>
/// What a delivery towards a commitment is: an accepted order with verified evidence (<see cref="DeliveryTranslator"/>), or a
/// closed activity (closing needs verified evidence) that delivers the commitment (<see cref="ActivityDeliveryTranslator"/>).
/// Both reach the same queue (<see cref="Delivery.Queue"/>) and fulfilment counts them alike.
/// </summary>
public enum DeliverySource
{
    Order,
    Activity,
}
