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

    /// <summary>The resident answers the follow-up "not fixed": accepted → in progress, the unit works on it again.</summary>
    FollowUpReopen,

    /// <summary>Accepted and left unrated for the period: closed by the system with its reason, without a rating.</summary>
    CloseUnrated,
}
