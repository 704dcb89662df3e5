namespace RedYifang.Functions.Notifications;

/// <summary>
/// One template as the mini-program needs it: the WeChat template id to ask <c>wx.requestSubscribeMessage</c> for, and how
/// many messages of it the user's subscriptions still allow.
/// </summary>
public sealed record SubscriptionView(string TemplateKey, string TemplateId, int Remaining);
