using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RedYifang.Functions.Identity;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.WeChat;

namespace RedYifang.Functions.Notifications;

/// <summary>
/// Queue <c>notifications</c>: tells whom an order event concerns (NotificationRules), each in their inbox and, when they
/// have a subscription left to the template, by WeChat subscription message (<c>cgi-bin/message/subscribe/send</c>).
/// Each (event, recipient) is one row, made once: a replayed or duplicated message finds it and neither sends nor spends again.
/// The subscription is spent in the same transaction that takes the row to send. WeChat's answers: 43101 (the user refused) →
/// refused, quota 0, no retry; -1 (busy) or out of reach → tried again after <see cref="NotificationOptions.RetryDelay"/>,
/// doubling, up to <see cref="NotificationOptions.MaxAttempts"/>, then failed; 47003 or any other → failed. A message that
/// was not delivered gives its subscription back. Logs name the event kind, template and errcode: never a user or open id.
/// </summary>
public sealed partial class SendNotifications(
    NotificationStore store,
    UserStore users,
    WeChatServer weChat,
    NotificationTemplates templates,
    NotificationQueue queue,
    IOptions<NotificationOptions> options,
    TimeProvider clock,
    ILogger<SendNotifications> logger)
{
    public const string Api = "cgi-bin/message/subscribe/send";

    // Each round follows a change another writer made to the row meanwhile (a duplicate message, the reader marking it read).
    private const int MaxRounds = 8;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);
    private readonly NotificationOptions _options = options.Value;

    public async Task HandleAsync(NotificationEvent e, CancellationToken ct)
    {
        var members = new Dictionary<Audience, IReadOnlyList<string>>();
        foreach (var audience in NotificationRules.AudiencesOf(e.Kind))
        {
            members[audience] = audience switch
            {
                Audience.UnitLiaisons when e.UnitId is { } unitId => await users.HoldersAsync(unitId, Role.Liaison, ct),
                Audience.CommunityAdmins => await users.HoldersAsync(e.CommunityId, Role.CommunityAdmin, ct),
                _ => [],
            };
        }
        TimeSpan? retry = null;
        foreach (var recipient in NotificationRules.Recipients(e, a => members.GetValueOrDefault(a, [])))
        {
            if (await DeliverAsync(e, recipient, ct) is { } wait && (retry is null || wait < retry)) retry = wait;
        }
        if (retry is { } delay) await queue.SendAsync(e, delay, ct);
    }

    /// <summary>Records and sends one recipient's notification; returns how long to wait before looking again, or null when done.</summary>
    private async Task<TimeSpan?> DeliverAsync(NotificationEvent e, NotificationRules.Recipient r, CancellationToken ct)
    {
        var template = templates[r.TemplateKey];
        StoredNotification? n = await store.EnsureAsync(NotificationMessages.Draft(e, r, template), ct);
        string? openId = null;
        for (var round = 0; round < MaxRounds && n is { State: SendState.Pending }; round++)
        {
            var now = clock.GetUtcNow();
            StoredNotification? sending = null;
            if (!n.Charged)
            {
                SendState? unsent = null;
                if (!weChat.IsConfigured) unsent = SendState.NotConfigured;
                else if ((openId ??= await users.FindOpenIdAsync(r.UserId, ct)) is null) unsent = SendState.NoOpenId;
                if (unsent is null)
                {
                    var (charged, noQuota) = await store.TryChargeAsync(n, now + _options.SendLease, ct);
                    if (noQuota) unsent = SendState.NoQuota;
                    sending = charged;
                }
                if (unsent is { } state && await store.TryFinishAsync(n, state, null, QuotaChange.None, ct)) return null;
            }
            else if (n.LeaseUntil > now)
            {
                // Another worker is sending it, or its back-off runs: look again when that is over.
                return n.LeaseUntil - now;
            }
            else
            {
                sending = await store.TryClaimAsync(n, now + _options.SendLease, ct);
            }
            if (sending is not null) return await SendAsync(e, sending, openId ?? await users.FindOpenIdAsync(r.UserId, ct), template, ct);
            n = await store.FindAsync(n.UserId, n.Id, ct);
        }
        return n is { State: SendState.Pending } ? _options.RetryDelay : null;
    }

    private async Task<TimeSpan?> SendAsync(NotificationEvent e, StoredNotification n, string? openId, MessageTemplate template,
        CancellationToken ct)
    {
        int code;
        if (openId is null)
        {
            code = 40003;   // WeChat's "invalid openid": the profile lost it since the charge.
        }
        else
        {
            try
            {
                code = (await weChat.PostAsync(Api, new
                {
                    touser = openId, template_id = template.TemplateId, page = n.Page,
                    data = n.Data.ToDictionary(d => d.Key, d => new { value = d.Value }),
                    miniprogram_state = _options.MiniProgramState, lang = _options.Lang,
                }, ct)).ErrCode;
            }
            catch (UnavailableException)
            {
                code = -1;   // Out of reach: as busy.
            }
        }
        StoredNotification? current = n;
        if (code == -1 && n.Attempts < _options.MaxAttempts)
        {
            var wait = Backoff(n.Attempts);
            LogBusy(e.Kind, template.Key, n.Attempts, wait);
            var until = clock.GetUtcNow() + wait;
            // Held until the back-off ends, so that no duplicate of the message tries it sooner.
            for (var round = 0; round < MaxRounds && current is { State: SendState.Pending }; round++)
            {
                if (await store.TryReplaceAsync(current, current with { ErrCode = code, LeaseUntil = until }, ct) is not null) break;
                current = await store.FindAsync(n.UserId, n.Id, ct);
            }
            return wait;
        }
        var (state, change) = code switch
        {
            0 => (SendState.Sent, QuotaChange.None),
            43101 => (SendState.Refused, QuotaChange.Zero),
            _ => (SendState.Failed, QuotaChange.Refund),
        };
        if (state == SendState.Refused) LogRefused(e.Kind, template.Key);
        if (state == SendState.Failed) LogFailed(e.Kind, template.Key, code, n.Attempts);
        for (var round = 0; round < MaxRounds && current is { State: SendState.Pending }; round++)
        {
            if (await store.TryFinishAsync(current, state, code == 0 ? null : code, change, ct)) return null;
            current = await store.FindAsync(n.UserId, n.Id, ct);
        }
        return null;
    }

    /// <summary>The wait after the <paramref name="attempt"/>th busy answer: the retry delay, doubled for each attempt before.</summary>
    public static TimeSpan Backoff(TimeSpan retryDelay, int attempt) =>
        TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, retryDelay.Ticks * (1L << Math.Clamp(attempt - 1, 0, 20))));

    private TimeSpan Backoff(int attempt) => Backoff(_options.RetryDelay, attempt);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "WeChat was busy with a {Kind} message ({TemplateKey}), attempt {Attempt}; trying again in {Wait}")]
    private partial void LogBusy(NotificationKind kind, string templateKey, int attempt, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "WeChat refused a {Kind} message ({TemplateKey}): the user refused it (43101); the template's quota is now 0")]
    private partial void LogRefused(NotificationKind kind, string templateKey);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "A {Kind} message ({TemplateKey}) was not sent: WeChat errcode {ErrCode} after {Attempts} attempt(s)")]
    private partial void LogFailed(NotificationKind kind, string templateKey, int errCode, int attempts);
}
