using Microsoft.Extensions.Logging;
using RedYifang.Functions.Identity;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.WeChat;

namespace RedYifang.Functions.ContentSecurity;

/// <summary>
/// Screens a text with WeChat's <c>wxa/msg_sec_check</c> (v2) before anything is written: each field once, at the same time,
/// with the author's mini-program open id and the scene of its kind (<see cref="WeChatScenes"/>). Risky → 422
/// <c>content_rejected</c> (<see cref="ContentSecurityProblems.Rejected"/>); review → held for review; WeChat out of reach or
/// answering an error → held too, never refused. Without WeChat configured, or for an author without an open id (staff signed
/// in on the console, seeded users), the text is <see cref="ScreeningState.Unchecked"/>: shown, since WeChat cannot be asked.
/// </summary>
public sealed partial class TextScreening(WeChatServer weChat, UserStore users, ILogger<TextScreening> logger)
{
    public const string Api = "wxa/msg_sec_check";

    /// <summary>One field of the request (its name for <c>errors</c>) and its text.</summary>
    public sealed record Field(string Name, string Text);

    public async Task<Screening> ScreenAsync(ContentKind kind, string authorId, IReadOnlyList<Field> fields, CancellationToken ct)
    {
        var (openId, notAsked) = await AuthorAsync(weChat, users, authorId, ct);
        if (notAsked is not null) return notAsked;
        var scene = WeChatScenes.ForText(kind);
        var verdicts = await Task.WhenAll(fields.Select(f => CheckAsync(openId!, scene, f.Text, ct)));
        return Combine(fields, verdicts);
    }

    /// <summary>
    /// The author's open id to ask WeChat with, or why WeChat cannot be asked (not configured here, or an author without a
    /// mini-program open id): then the content is unchecked. Photos (<see cref="MediaChecks"/>) ask the same way.
    /// </summary>
    public static async Task<(string? OpenId, Screening? NotAsked)> AuthorAsync(WeChatServer weChat, UserStore users, string authorId,
        CancellationToken ct)
    {
        if (!weChat.IsConfigured) return (null, new(ScreeningState.Unchecked, ScreeningReason.NotConfigured));
        return await users.FindOpenIdAsync(authorId, ct) is { } openId
            ? (openId, null)
            : (null, new(ScreeningState.Unchecked, ScreeningReason.NoOpenId));
    }

    /// <summary>
    /// The fields' verdicts made one: any risky field refuses the request (every risky field named); otherwise any review holds
    /// it with that label; otherwise any field without a verdict holds it as unavailable; otherwise it passed.
    /// </summary>
    public static Screening Combine(IReadOnlyList<Field> fields, IReadOnlyList<SecurityVerdict> verdicts)
    {
        var risky = fields.Zip(verdicts).Where(p => p.Second.Suggest == Suggest.Risky).Select(p => (p.First.Name, p.Second.Label)).ToList();
        if (risky.Count > 0) throw ContentSecurityProblems.Rejected(risky);
        if (verdicts.FirstOrDefault(v => v.Suggest == Suggest.Review) is { } review)
        {
            return new(ScreeningState.Pending, ScreeningReason.Review, review.Label);
        }
        return verdicts.Any(v => v.Suggest == Suggest.None)
            ? new(ScreeningState.Pending, ScreeningReason.Unavailable)
            : Screening.Pass;
    }

    private async Task<SecurityVerdict> CheckAsync(string openId, int scene, string text, CancellationToken ct)
    {
        try
        {
            var reply = await weChat.PostAsync(Api, new { content = text, version = 2, scene, openid = openId }, ct);
            var verdict = SecurityVerdict.OfText(reply.ErrCode, reply.Body);
            if (verdict.Suggest == Suggest.None) LogNoVerdict(reply.ErrCode);
            return verdict;
        }
        catch (DomainException e) when (e is UnavailableException or UpstreamFailedException)
        {
            // Out of reach, or the access token refused: the text is held for a person, the author is not blocked.
            LogUnavailable(e.Code);
            return new(Suggest.None, null, -1);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "msg_sec_check gave no verdict (errcode {ErrCode}); the text is held for review")]
    private partial void LogNoVerdict(int errCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "msg_sec_check could not be called ({Code}); the text is held for review")]
    private partial void LogUnavailable(string code);
}
