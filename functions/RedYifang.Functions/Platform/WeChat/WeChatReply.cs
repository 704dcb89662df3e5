using System.Text.Json;

namespace RedYifang.Functions.Platform.WeChat;

/// <summary>One answer of a WeChat server API: its <c>errcode</c> (0 when absent) and the whole body for the caller to read.</summary>
public sealed record WeChatReply(int ErrCode, string? ErrMsg, JsonElement Body)
{
    public bool Ok => ErrCode == 0;

    public static WeChatReply Parse(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement.Clone();
        if (root.ValueKind != JsonValueKind.Object) throw new JsonException("WeChat's answer is not a JSON object");
        var code = root.TryGetProperty("errcode", out var e) && e.ValueKind == JsonValueKind.Number ? e.GetInt32() : 0;
        var message = root.TryGetProperty("errmsg", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        return new WeChatReply(code, message, root);
    }
}
