using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RedYifang.Functions.ContentSecurity;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Evidence;

/// <summary>
/// Queue <c>evidence-media-check</c>: sends a verified photo to WeChat's media check (<see cref="MediaChecks"/>) as a read URL of
/// the processed copy (no location metadata) that lives <see cref="ContentSecurityOptions.MediaUrlLifetime"/>, in the scene of
/// its object (<see cref="WeChatScenes.ForPhoto"/>), with its uploader's open id; the photo is then <c>checking</c> until WeChat
/// pushes its verdict. WeChat out of reach is retried by the queue; on the last attempt the photo is held for its admins
/// instead, so an outage delays the check and loses nothing. A photo already screened (a repeated message) is left alone, and
/// one nobody can screen (no WeChat, no open id) stays as it is: shown.
/// </summary>
public sealed partial class CheckEvidenceMedia(
    EvidenceStore store,
    EvidenceBlobs blobs,
    MediaChecks checks,
    EventTranslators translators,
    IOptions<ContentSecurityOptions> options,
    TimeProvider clock,
    ILogger<CheckEvidenceMedia> logger)
{
    public async Task HandleAsync(string evidenceId, bool lastAttempt, CancellationToken ct)
    {
        var stored = await store.FindAsync(evidenceId, ct);
        if (stored is not { Record: { State: EvidenceState.Verified, Kind: EvidenceKind.Photo, BlobName: { } blob } record }
            || record.Moderation is not null)
        {
            return;
        }
        var held = EvidenceModeration.PhotoOf(record, new Screening(ScreeningState.Checking), clock.GetUtcNow());
        Screening screening;
        try
        {
            var (url, _) = await blobs.ReadUrlAsync(blob, ContentTypes.Jpeg, "inline", ct, options.Value.MediaUrlLifetime);
            screening = await checks.SubmitAsync(held, url, WeChatScenes.ForPhoto(record.OwnerType == OwnerType.Order), ct);
        }
        catch (DomainException e) when (lastAttempt && e is UnavailableException or UpstreamFailedException)
        {
            LogHeld(e.Code);
            screening = new Screening(ScreeningState.Pending, ScreeningReason.Unavailable);
        }
        if (screening.State == ScreeningState.Unchecked) return;
        var messages = screening.AwaitsDecision
            ? translators.Translate([new ContentHeld(held with { Screening = screening })]).Select(m => (m.Queue, m.Body)).ToList()
            : [];
        await EvidenceModeration.UpdateAsync(store, evidenceId, screening, messages, ct);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "WeChat's media check could not be reached on the last attempt ({Code}); the photo is held for its admins")]
    private partial void LogHeld(string code);
}
