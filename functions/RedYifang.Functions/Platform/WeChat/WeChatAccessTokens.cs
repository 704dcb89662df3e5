using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Platform.WeChat;

/// <summary>
/// The mini-program's server access token (<c>cgi-bin/stable_token</c>), shared by every instance through one table row:
/// the token, its expiry, and a lease naming the one instance allowed to renew it. WeChat allows few token requests a
/// day and every instance would otherwise fetch its own, so an instance renews only while it holds the lease; the others
/// keep using the current token while it lives, or wait for the new one. Each instance also keeps the token in memory
/// until <see cref="WeChatOptions.TokenRenewBefore"/> its expiry, so a send reads the row at most once per renewal.
/// </summary>
public sealed partial class WeChatAccessTokens(
    Tables tables,
    WeChatHttp http,
    IOptions<WeChatOptions> options,
    TimeProvider time,
    ILogger<WeChatAccessTokens> logger)
{
    public const string Table = "WeChatTokens";
    private const string Partition = "stable_token";

    private static readonly TimeSpan WaitStep = TimeSpan.FromMilliseconds(100);
    private readonly WeChatOptions _options = options.Value;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private Held? _held;
    private string? _rejected;

    private sealed record Held(string Token, DateTimeOffset ExpiresAt);

    /// <summary>A token that will live at least until the renewal margin, from memory, the shared row or WeChat.</summary>
    public async Task<string> GetAsync(CancellationToken ct)
    {
        if (!_options.IsConfigured) throw WeChatServerProblems.NotConfigured();
        if (Fresh(_held) is { } token) return token;
        await _gate.WaitAsync(ct);
        try
        {
            return Fresh(_held) ?? await ObtainAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// WeChat refused <paramref name="rejected"/> (40001, 42001): forget it here and in the shared row unless another
    /// instance already replaced it, then obtain a token again. A renewal that hands back the refused token is forced.
    /// </summary>
    public async Task<string> RenewAsync(string rejected, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            _rejected = rejected;
            if (_held?.Token == rejected) _held = null;
            if (Fresh(_held) is { } replaced) return replaced;
            var table = await tables.GetAsync(Table, ct);
            var row = await ReadAsync(table, ct);
            if (row is not null && row.GetString("Token") == rejected)
            {
                row["ExpiresAt"] = TableDates.LongAgo;
                try
                {
                    await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Merge, ct);
                }
                catch (RequestFailedException e) when (e.IsPreconditionFailed())
                {
                    // Another instance changed the row first: it renewed or is renewing; ObtainAsync reads what it did.
                }
            }
            return await ObtainAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    private string? Fresh(Held? held) =>
        held is not null && held.ExpiresAt - _options.TokenRenewBefore > time.GetUtcNow() ? held.Token : null;

    private async Task<string> ObtainAsync(CancellationToken ct)
    {
        var table = await tables.GetAsync(Table, ct);
        var deadline = time.GetUtcNow() + _options.TokenLease + _options.AttemptTimeout;
        while (true)
        {
            var row = await ReadAsync(table, ct);
            var now = time.GetUtcNow();
            var stored = row is null ? null : new Held(row.GetString("Token") ?? "", row.GetDateTimeOffset("ExpiresAt") ?? default);
            if (stored is { Token.Length: > 0 } && stored.Token != _rejected && Fresh(stored) is { } shared)
            {
                _held = stored;
                return shared;
            }
            var leaseUntil = row?.GetDateTimeOffset("LeaseUntil") ?? default;
            if (leaseUntil <= now && await TryLeaseAsync(table, row, now, ct) is { } leased)
            {
                return await RenewSharedAsync(table, leased, ct);
            }
            // Another instance is renewing: the current token serves until it really expires.
            if (stored is { Token.Length: > 0 } && stored.Token != _rejected && stored.ExpiresAt > now + _options.AttemptTimeout)
            {
                return stored.Token;
            }
            if (now > deadline) throw WeChatServerProblems.Unavailable();
            await Task.Delay(WaitStep, time, ct);
        }
    }

    private async Task<TableEntity?> TryLeaseAsync(TableClient table, TableEntity? row, DateTimeOffset now, CancellationToken ct)
    {
        var lease = row ?? new TableEntity(Partition, _options.AppId);
        lease["LeaseUntil"] = now + _options.TokenLease;
        lease["LeaseHolder"] = _instance;
        try
        {
            var response = row is null
                ? await table.AddEntityAsync(lease, ct)
                : await table.UpdateEntityAsync(lease, row.ETag, TableUpdateMode.Replace, ct);
            lease.ETag = response.Headers.ETag ?? default;
            return lease;
        }
        catch (RequestFailedException e) when (e.IsConflict() || e.IsPreconditionFailed())
        {
            return null;
        }
    }

    private async Task<string> RenewSharedAsync(TableClient table, TableEntity lease, CancellationToken ct)
    {
        Held fetched;
        try
        {
            fetched = await FetchAsync(force: false, ct);
            if (fetched.Token == _rejected)
            {
                // WeChat still hands out the token it refused: only a forced renewal replaces it (a small daily quota).
                fetched = await FetchAsync(force: true, ct);
            }
        }
        catch
        {
            // Give the lease back, or every instance would wait it out before trying WeChat again.
            lease["LeaseUntil"] = TableDates.LongAgo;
            try
            {
                await table.UpdateEntityAsync(lease, lease.ETag, TableUpdateMode.Replace, CancellationToken.None);
            }
            catch (RequestFailedException)
            {
                // Taken over or unreachable: the lease runs out on its own.
            }
            throw;
        }
        _rejected = null;
        _held = fetched;
        lease["Token"] = fetched.Token;
        lease["ExpiresAt"] = fetched.ExpiresAt;
        lease["LeaseUntil"] = TableDates.LongAgo;
        try
        {
            await table.UpdateEntityAsync(lease, lease.ETag, TableUpdateMode.Replace, ct);
        }
        catch (RequestFailedException e) when (e.IsPreconditionFailed())
        {
            // The lease ran out while WeChat answered and another instance took it: it stores its own token; this one
            // stays valid in memory meanwhile (WeChat keeps the previous stable token alive).
        }
        LogRenewed(fetched.ExpiresAt);
        return fetched.Token;
    }

    private async Task<Held> FetchAsync(bool force, CancellationToken ct)
    {
        var reply = await http.PostAsync("cgi-bin/stable_token", "", new
        {
            grant_type = "client_credential", appid = _options.AppId, secret = _options.AppSecret, force_refresh = force,
        }, ct);
        if (reply.Ok && reply.Body.TryGetProperty("access_token", out var token) && token.GetString() is { Length: > 0 } value
            && reply.Body.TryGetProperty("expires_in", out var lifetime) && lifetime.TryGetInt32(out var seconds))
        {
            return new Held(value, time.GetUtcNow().AddSeconds(seconds));
        }
        LogRefused(reply.ErrCode);
        throw reply.ErrCode == -1 ? WeChatServerProblems.Unavailable() : WeChatServerProblems.Refused(reply.ErrCode);
    }

    private async Task<TableEntity?> ReadAsync(TableClient table, CancellationToken ct)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, _options.AppId, cancellationToken: ct);
        return row.HasValue ? row.Value : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "WeChat access token renewed; it expires at {ExpiresAt}")]
    private partial void LogRenewed(DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeChat stable_token refused with errcode {ErrCode}")]
    private partial void LogRefused(int errCode);
}
