namespace RedYifang.Functions.Orders;

public enum OrderLevel
{
    Community,
    Street,
    District,
}
