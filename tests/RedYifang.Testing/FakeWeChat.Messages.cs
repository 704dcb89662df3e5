using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace RedYifang.Testing;

/// <summary>
/// WeChat's subscription messages (<c>cgi-bin/message/subscribe/send</c>): every call is recorded as it came (touser,
/// template_id, page, data, miniprogram_state, lang) with the errcode it was answered. Values are held to WeChat's limits
/// per keyword type (thing ≤ 20 characters, phrase ≤ 5 Chinese characters, character_string ≤ 32 ASCII, time and date in
/// Chinese form, …): one over them is answered 47003 as WeChat does. A test scripts an errcode for an open id
/// (<see cref="AnswerMessagesTo"/>): 43101 the user refused, -1 busy, 47003 a bad argument.
/// </summary>
public sealed partial class FakeWeChat
{
    private readonly ConcurrentQueue<SentMessage> _messages = new();
    private readonly ConcurrentDictionary<string, (int ErrCode, int? Times)> _messageErrors = new();
    private readonly Lock _messageLock = new();

    /// <summary>One call of subscribe/send: what was sent and the errcode answered (0: delivered).</summary>
    public sealed record SentMessage(
        string ToUser,
        string TemplateId,
        string? Page,
        IReadOnlyDictionary<string, string> Data,
        string? MiniProgramState,
        string? Lang,
        int ErrCode);

    /// <summary>Every call, in the order they came.</summary>
    public IReadOnlyList<SentMessage> MessageCalls => [.. _messages];

    /// <summary>The messages WeChat delivered (errcode 0) to an open id.</summary>
    public IReadOnlyList<SentMessage> MessagesTo(string openId) => [.. _messages.Where(m => m.ToUser == openId && m.ErrCode == 0)];

    /// <summary>Every call for an open id, delivered or not.</summary>
    public IReadOnlyList<SentMessage> CallsTo(string openId) => [.. _messages.Where(m => m.ToUser == openId)];

    /// <summary>Answers messages to <paramref name="openId"/> with <paramref name="errCode"/>: the next <paramref name="times"/>, or all.</summary>
    public void AnswerMessagesTo(string openId, int errCode, int? times = null) => _messageErrors[openId] = (errCode, times);

    partial void MapMessages(WebApplication app) => app.MapPost("/cgi-bin/message/subscribe/send", AnswerMessage);

    private async Task<IResult> AnswerMessage(HttpRequest request)
    {
        if (CheckToken(request) is { } refused) return refused;
        var body = await Body(request);
        string? Text(string name) => body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        if (body.TryGetProperty("data", out var fields) && fields.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in fields.EnumerateObject())
            {
                data[field.Name] = field.Value.TryGetProperty("value", out var value) ? value.GetString() ?? "" : "";
            }
        }
        var toUser = Text("touser") ?? "";
        int code;
        SentMessage Call(int errCode) =>
            new(toUser, Text("template_id") ?? "", Text("page"), data, Text("miniprogram_state"), Text("lang"), errCode);
        lock (_messageLock)
        {
            code = Scripted(toUser) ?? (Text("template_id") is not { Length: > 0 } || toUser.Length == 0 ? 40003 : 0);
            if (code == 0 && data.FirstOrDefault(f => !Fits(f.Key, f.Value)) is { Key: not null } bad)
            {
                _messages.Enqueue(Call(47003));
                return Error(47003, $"argument invalid! data.{bad.Key}.value invalid");
            }
            _messages.Enqueue(Call(code));
        }
        return code switch
        {
            0 => Results.Text("""{"errcode":0,"errmsg":"ok","msgid":1}""", "application/json"),
            43101 => Error(43101, "user refuse to accept the msg"),
            -1 => Error(-1, "system error"),
            47003 => Error(47003, "argument invalid!"),
            _ => Error(code, "scripted"),
        };
    }

    private int? Scripted(string openId)
    {
        if (!_messageErrors.TryGetValue(openId, out var scripted)) return null;
        if (scripted.Times is { } times)
        {
            if (times <= 1) _messageErrors.TryRemove(openId, out _);
            else _messageErrors[openId] = (scripted.ErrCode, times - 1);
        }
        return scripted.ErrCode;
    }

    /// <summary>WeChat's limits on a keyword's value by its type (订阅消息参数值内容限制).</summary>
    public static bool Fits(string keyword, string value)
    {
        var type = KeywordType().Match(keyword).Groups[1].Value;
        var length = value.EnumerateRunes().Count();
        return type switch
        {
            "thing" => length is > 0 and <= 20,
            "phrase" => length is > 0 and <= 5 && value.All(c => c is >= '\u4e00' and <= '\u9fff'),
            "character_string" => length is > 0 and <= 32 && value.All(c => c is > ' ' and <= '~'),
            "number" => length is > 0 and <= 32
                && decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _),
            "letter" => length is > 0 and <= 32 && value.All(char.IsAsciiLetter),
            "symbol" => length is > 0 and <= 5 && !value.Any(char.IsLetterOrDigit),
            "time" => TimeValue().IsMatch(value),
            "date" => DateValue().IsMatch(value),
            _ => false,
        };
    }

    [GeneratedRegex("^([a-z_]+?)[0-9]+$")]
    private static partial Regex KeywordType();

    private const string Day = "[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日";
    private const string Clock = "([01]?[0-9]|2[0-3]):[0-5][0-9]";

    // "15:01", "2019年10月1日 15:01", optionally a range joined by "~".
    [GeneratedRegex("^(" + Day + " )?" + Clock + "(~(" + Day + " )?" + Clock + ")?$")]
    private static partial Regex TimeValue();

    [GeneratedRegex("^" + Day + "( " + Clock + ")?$")]
    private static partial Regex DateValue();
}
