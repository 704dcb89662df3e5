namespace RedYifang.Functions.Evidence;

public enum OwnerType
{
    Order,
    Activity,
    Agreement,
    Org,
}
