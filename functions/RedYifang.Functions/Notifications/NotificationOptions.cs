using System.ComponentModel.DataAnnotations;
using RedYifang.Functions.Platform;

namespace RedYifang.Functions.Notifications;

/// <summary>
/// Subscription messages (订阅消息): the templates and how they are sent. Each template named in <see cref="TemplateKeys"/> has
/// defaults in code (<see cref="Defaults"/>) for local runs; in Azure set at least each <c>TemplateId</c> to the template chosen
/// in the mini-program's console, and <c>Fields</c> to its keywords.
/// </summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>
    /// By template key: <c>Notifications:Templates:{key}:TemplateId</c>, <c>…:Fields</c> (<see cref="TemplateFields"/>),
    /// <c>…:Page</c> (the mini-program page the message opens, <c>{orderId}</c> replaced). Unset parts take the defaults.
    /// </summary>
    public Dictionary<string, TemplateOptions> Templates { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Which version of the mini-program a message opens: <c>formal</c>, <c>trial</c> or <c>developer</c>.</summary>
    [RegularExpression("^(formal|trial|developer)$")]
    public string MiniProgramState { get; set; } = "formal";

    /// <summary>The language WeChat shows the message in: <c>zh_CN</c>, <c>zh_TW</c>, <c>zh_HK</c> or <c>en_US</c>.</summary>
    [RegularExpression("^(zh_CN|zh_TW|zh_HK|en_US)$")]
    public string Lang { get; set; } = "zh_CN";

    /// <summary>
    /// The wait before a message WeChat was too busy for (-1, or out of reach) is tried again; it doubles with each attempt
    /// (30 s, 1 min, 2 min, 4 min at the default).
    /// </summary>
    [TimeSpanRange("00:00:00.010", "00:30:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts at one message before it is given up as failed (its quota given back).</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>How long one worker holds a message it is sending before another may take it over (a worker that died).</summary>
    [TimeSpanRange("00:00:05", "00:10:00")]
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The templates as local runs and the tests use them; their ids stand for nothing in WeChat.</summary>
    public static IReadOnlyDictionary<string, TemplateOptions> Defaults { get; } = new Dictionary<string, TemplateOptions>
    {
        [TemplateKeys.OrderStatus] = new()
        {
            TemplateId = "local-order-status", Fields = "thing1=title;phrase2=state;thing3=note;time4=at",
            Page = "pages/orders/detail?id={orderId}",
        },
        [TemplateKeys.UnitTask] = new()
        {
            TemplateId = "local-unit-task", Fields = "thing1=title;phrase2=state;thing3=note;time4=at;character_string5=orderNo",
            Page = "pages/unit/order?id={orderId}",
        },
        [TemplateKeys.OrderReview] = new()
        {
            TemplateId = "local-order-review", Fields = "thing1=title;phrase2=category;phrase3=state;time4=at",
            Page = "pages/review/order?id={orderId}",
        },
    };

    /// <summary>Fills what settings left unset from <see cref="Defaults"/> (after binding, so a setting replaces a default whole).</summary>
    public void ApplyDefaults()
    {
        foreach (var (key, defaults) in Defaults)
        {
            var template = Templates.TryGetValue(key, out var set) ? set : Templates[key] = new TemplateOptions();
            if (string.IsNullOrWhiteSpace(template.TemplateId)) template.TemplateId = defaults.TemplateId;
            if (string.IsNullOrWhiteSpace(template.Fields)) template.Fields = defaults.Fields;
            if (string.IsNullOrWhiteSpace(template.Page)) template.Page = defaults.Page;
        }
    }

    /// <summary>What is wrong with the settings: unknown template keys and field mappings that cannot be sent.</summary>
    public IReadOnlyList<string> Errors() =>
    [
        .. Templates.Keys.Where(k => !TemplateKeys.All.Contains(k))
            .Select(k => $"Notifications:Templates:{k} is no template ({string.Join(", ", TemplateKeys.All)})"),
        .. Templates.Where(t => TemplateKeys.All.Contains(t.Key))
            .SelectMany(t => TemplateFields.Parse(t.Value.Fields).Errors.Select(e => $"Notifications:Templates:{t.Key}:Fields: {e}")),
        .. Templates.Where(t => TemplateKeys.All.Contains(t.Key) && t.Value.TemplateId is { } id && !ValidTemplateId(id))
            .Select(t => $"Notifications:Templates:{t.Key}:TemplateId is not a template id (1–64 letters, digits, - or _)"),
    ];

    private static bool ValidTemplateId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

/// <summary>One subscription message template (<see cref="NotificationOptions.Templates"/>).</summary>
public sealed class TemplateOptions
{
    /// <summary>WeChat's template id (模板ID), from the mini-program's console.</summary>
    public string? TemplateId { get; set; }

    /// <summary>Keyword to field: <c>thing1=title;phrase2=state;thing3=note;time4=at</c> (<see cref="TemplateFields"/>).</summary>
    public string? Fields { get; set; }

    /// <summary>The mini-program page the message opens, <c>{orderId}</c> replaced by the order's id.</summary>
    public string? Page { get; set; }
}
