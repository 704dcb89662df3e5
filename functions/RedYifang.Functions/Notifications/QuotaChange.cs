namespace RedYifang.Functions.Notifications;

/// <summary>What a notification's final state does to the user's quota for its template.</summary>
public enum QuotaChange
{
    None,

    /// <summary>WeChat did not deliver it (refused the message, or stayed busy): the subscription spent on it is given back.</summary>
    Refund,

    /// <summary>WeChat says the user refused (43101): nothing is left to spend.</summary>
    Zero,
}
