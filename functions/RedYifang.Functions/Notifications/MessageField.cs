namespace RedYifang.Functions.Notifications;

/// <summary>What a template keyword may show of an event (the right-hand side of a field mapping, in camelCase).</summary>
public enum MessageField
{
    /// <summary>The order's title (a thing: cut to 20 characters).</summary>
    Title,

    /// <summary>The state in at most five Chinese characters (NotificationRules.Table).</summary>
    State,

    /// <summary>The transition's reason, or the table's note.</summary>
    Note,

    /// <summary>When it happened, China time ("2026年5月20日 12:00").</summary>
    At,

    /// <summary>The order's category in Chinese (养老助老).</summary>
    Category,

    /// <summary>The order's number: the last part of its id, 26 ASCII characters.</summary>
    OrderNo,
}
