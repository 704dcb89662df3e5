namespace RedYifang.Functions.Orders;

public enum Urgency
{
    Low,
    Normal,
    High,
}
