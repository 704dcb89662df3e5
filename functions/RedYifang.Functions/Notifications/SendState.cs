namespace RedYifang.Functions.Notifications;

/// <summary>Where a notification's WeChat message stands; every state but <see cref="Pending"/> is final.</summary>
public enum SendState
{
    /// <summary>Being sent, or waiting to be tried again after WeChat was busy.</summary>
    Pending,

    /// <summary>WeChat took the message.</summary>
    Sent,

    /// <summary>The recipient had no subscription left for the template: kept in the inbox only.</summary>
    NoQuota,

    /// <summary>The recipient never signed in from the mini-program, so WeChat has no address for them.</summary>
    NoOpenId,

    /// <summary>WeChat's AppID and AppSecret are not set here (local runs): kept in the inbox only.</summary>
    NotConfigured,

    /// <summary>WeChat answered 43101 (the user refused): the template's quota is set to 0.</summary>
    Refused,

    /// <summary>WeChat refused the message (47003 and the like), or stayed busy through every attempt.</summary>
    Failed,
}
