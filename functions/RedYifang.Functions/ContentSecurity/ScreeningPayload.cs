using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.ContentSecurity;

/// <summary>
/// The part every screening event publishes alike (<c>evidence.held|hidden|approved</c>, <c>order.moderated</c>,
/// <c>evaluation.moderated</c>; docs/events.md): <c>from</c>, <c>state</c>, <c>reason</c>, <c>label</c>, <c>decidedBy</c> (an
/// admin's user id, or <c>wechat</c>) and <c>decidedAt</c>, after the fields naming the content. The text is never among them.
/// </summary>
public static class ScreeningPayload
{
    /// <summary><paramref name="data"/> with the screening's fields added after what it already holds.</summary>
    public static Dictionary<string, object?> With(Dictionary<string, object?> data, Screening? before, Screening after,
        DateTimeOffset decidedAt)
    {
        data["from"] = before is null ? null : EnumText.ToText(before.State);
        data["state"] = EnumText.ToText(after.State);
        data["reason"] = after.Reason is { } reason ? EnumText.ToText(reason) : null;
        data["label"] = after.Label;
        data["decidedBy"] = after.DecidedBy ?? Screening.ByWeChat;
        data["decidedAt"] = decidedAt;
        return data;
    }
}
