using System.Globalization;
using System.Text.Json;

namespace RedYifang.Functions.ContentSecurity;

/// <summary>WeChat's verdict on one text or photo (<c>result.suggest</c>), or that it gave none.</summary>
public enum Suggest
{
    Pass,
    Review,
    Risky,

    /// <summary>No verdict: an error code, or an answer without one.</summary>
    None,
}

/// <summary>One verdict and its label (<c>result.label</c>, e.g. "20001"); <see cref="ErrCode"/> when there was none.</summary>
public sealed record SecurityVerdict(Suggest Suggest, string? Label, int ErrCode = 0)
{
    /// <summary>
    /// A msg_sec_check v2 answer: <c>{errcode, errmsg, trace_id, result: {suggest, label}, detail: [...]}</c>. Any error code
    /// (-1 busy, 40003 open id, 61010 the user has not opened the mini-program lately, ...) is no verdict; an unknown suggest is
    /// <see cref="Suggest.Review"/>: a person looks.
    /// </summary>
    public static SecurityVerdict OfText(int errCode, JsonElement body) =>
        errCode != 0 ? new(Suggest.None, null, errCode) : OfResult(body);

    /// <summary>
    /// The <c>wxa_media_check</c> push (v2): <c>{..., Event, appid, trace_id, version: 2, result: {suggest, label}, detail}</c>;
    /// null when it names no trace id.
    /// </summary>
    public static (string TraceId, SecurityVerdict Verdict)? OfMediaPush(JsonElement message)
    {
        if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("trace_id", out var trace)
            || trace.ValueKind != JsonValueKind.String || trace.GetString() is not { Length: > 0 } traceId)
        {
            return null;
        }
        return (traceId, OfResult(message));
    }

    private static SecurityVerdict OfResult(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("result", out var result)
            || result.ValueKind != JsonValueKind.Object)
        {
            return new(Suggest.None, null);
        }
        var label = result.TryGetProperty("label", out var l) ? l.ValueKind switch
        {
            // msg_sec_check gives a number, the media push a string: both are the same codes.
            JsonValueKind.Number => l.GetRawText(),
            JsonValueKind.String => l.GetString(),
            _ => null,
        } : null;
        var suggest = result.TryGetProperty("suggest", out var s) && s.ValueKind == JsonValueKind.String
            ? s.GetString()?.ToLower(CultureInfo.InvariantCulture) switch
            {
                "pass" => Suggest.Pass,
                "risky" => Suggest.Risky,
                _ => Suggest.Review,
            }
            : Suggest.None;
        return new(suggest, label);
    }

    /// <summary>
    /// What a photo's verdict makes of it: pass shown, review held for an admin, risky hidden at once (and listed, so an admin
    /// can confirm it or let it be shown), no verdict held.
    /// </summary>
    public Screening ForPhoto() => Suggest switch
    {
        Suggest.Pass => Screening.Pass,
        Suggest.Review => new(ScreeningState.Pending, ScreeningReason.Review, Label),
        Suggest.Risky => new(ScreeningState.Hidden, ScreeningReason.Risky, Label),
        _ => new(ScreeningState.Pending, ScreeningReason.Unavailable),
    };
}
