namespace RedYifang.Functions.Notifications;

/// <summary>
/// Our names of the subscription message templates (订阅消息模板); each is bound to a WeChat template id and its keywords by
/// settings (<see cref="NotificationOptions.Templates"/>).
/// </summary>
public static class TemplateKeys
{
    /// <summary>To the resident: their order's progress.</summary>
    public const string OrderStatus = "orderStatus";

    /// <summary>To a unit's liaisons: an order their unit holds.</summary>
    public const string UnitTask = "unitTask";

    /// <summary>To a community's admins: an order waiting for their review.</summary>
    public const string OrderReview = "orderReview";

    public static readonly IReadOnlyList<string> All = [OrderStatus, UnitTask, OrderReview];
}
