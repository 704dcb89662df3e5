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

    /// <summary>The matched unit gives the order back (matched or agreed → published).</summary>
    Decline,
}
