using System.Text.Json;
using Microsoft.Extensions.Logging;
using RedYifang.Functions.Platform.WeChat;

namespace RedYifang.Functions.ContentSecurity;

/// <summary>
/// WeChat's pushed verdict on a photo (<c>Event: wxa_media_check</c>, v2: <c>trace_id</c>, <c>result.suggest</c>,
/// <c>result.label</c>): recorded once for the trace id this app was given (<see cref="MediaCheckStore"/>) and applied through
/// the queue: pass shown, review held, risky hidden (<see cref="SecurityVerdict.ForPhoto"/>).
/// </summary>
public sealed partial class MediaCheckPushHandler(MediaCheckStore checks, TimeProvider clock, ILogger<MediaCheckPushHandler> logger)
    : IWeChatPushHandler
{
    public string Event => "wxa_media_check";

    public async Task HandleAsync(JsonElement message, CancellationToken ct)
    {
        if (SecurityVerdict.OfMediaPush(message) is not var (traceId, verdict))
        {
            LogUnreadable();
            return;
        }
        var outcome = await checks.RecordVerdictAsync(traceId, verdict.ForPhoto(), clock.GetUtcNow(), ct);
        LogOutcome(verdict.Suggest, outcome);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A wxa_media_check push without a trace id was dropped")]
    private partial void LogUnreadable();

    [LoggerMessage(Level = LogLevel.Information, Message = "wxa_media_check push ({Suggest}): {Outcome}")]
    private partial void LogOutcome(Suggest suggest, MediaCheckStore.Outcome outcome);
}
