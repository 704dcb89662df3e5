using Microsoft.Extensions.Logging;
using RedYifang.Functions.Identity;
using RedYifang.Functions.Platform.WeChat;

namespace RedYifang.Functions.ContentSecurity;

/// <summary>
/// Sends a photo to WeChat's <c>wxa/media_check_async</c> (v2, media_type 2: an image) with its uploader's open id, and records
/// the trace id WeChat answers with, so the verdict it pushes later (<see cref="MediaCheckPushHandler"/>) finds the photo. Called
/// from a queue (Evidence/CheckEvidenceMedia.cs): WeChat out of reach or busy (-1) throws, and the queue tries again later.
/// </summary>
public sealed partial class MediaChecks(WeChatServer weChat, UserStore users, MediaCheckStore store, ILogger<MediaChecks> logger)
{
    public const string Api = "wxa/media_check_async";
    public const int Image = 2;

    /// <summary>
    /// Checking once WeChat took it; unchecked without WeChat or an open id (nothing to wait for); held as unavailable when
    /// WeChat refuses the request itself (an error code other than -1: asking again would not help).
    /// </summary>
    public async Task<Screening> SubmitAsync(HeldContent photo, Uri mediaUrl, int scene, CancellationToken ct)
    {
        var (openId, notAsked) = await TextScreening.AuthorAsync(weChat, users, photo.AuthorId, ct);
        if (notAsked is not null) return notAsked;
        var reply = await weChat.PostAsync(Api, new
        {
            media_url = mediaUrl.AbsoluteUri, media_type = Image, version = 2, scene, openid = openId,
        }, ct);
        if (reply.ErrCode == -1) throw WeChatServerProblems.Unavailable();
        var traceId = reply.Ok && reply.Body.TryGetProperty("trace_id", out var t) ? t.GetString() : null;
        if (!MediaCheckStore.IsTraceId(traceId))
        {
            LogRefused(reply.ErrCode);
            return new(ScreeningState.Pending, ScreeningReason.Unavailable);
        }
        var checking = new Screening(ScreeningState.Checking);
        await store.AddAsync(traceId!, photo with { Screening = checking }, ct);
        return checking;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "media_check_async refused the request (errcode {ErrCode}); the photo is held for review")]
    private partial void LogRefused(int errCode);
}
