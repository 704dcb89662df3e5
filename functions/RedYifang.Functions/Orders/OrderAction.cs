namespace RedYifang.Functions.Orders;

public enum OrderAction
{
    Publish,
    Reject,
    Cancel,
    Match,
    Agree,
    Start,
    Complete,
    Accept,
    Reopen,
    Rate,
    Expire,
}
