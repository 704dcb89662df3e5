namespace RedYifang.Functions.Orders;

public enum OrderState
{
    Submitted,
    Published,
    Matched,
    Agreed,
    InProgress,
    Completed,
    Accepted,
    Closed,
    Rejected,
    Cancelled,
    Expired,
}
