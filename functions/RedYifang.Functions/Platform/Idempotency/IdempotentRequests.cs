using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Platform.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> for creating POSTs (api.md): the same key and body replays the first response;
/// another body is 422; two concurrent requests with one key run the operation once. Table
/// <c>Idempotency</c>, one row per (caller, operation, key) — the operation, not the raw path, so <c>/API/V1/Orders</c>
/// and <c>/v1/orders/</c> are one operation: claimed with an insert, finished with an ETag-conditional replace. A
/// refused or failed operation releases the key. A replay first asks the operation whether the caller may still do
/// it (a role revoked since the first request is refused, not answered with the stored 201).
/// The operation runs with ids seeded by the claim (<see cref="SeededIds"/>): a request whose first run committed its change
/// but never stored its answer (storage failed in between, or the instance stopped) leaves a pending row; once its lease
/// lapses the same request resumes it (<see cref="IdempotencyLease.Step.Resume"/>), makes the same ids, and the create
/// answers with what the first run wrote instead of writing it again.
/// </summary>
public sealed partial class IdempotentRequests(Tables tables, TimeProvider clock, IOptions<IdempotencyOptions> options,
    ILogger<IdempotentRequests> logger)
{
    public const string TableName = "Idempotency";
    public const string Header = "Idempotency-Key";
    private const int MaxStoredBody = 60_000;

    /// <param name="request">The request, with its caller and body.</param>
    /// <param name="operationName">The function's name: the key's scope.</param>
    /// <param name="mayStill">Throws when the caller may no longer do the operation (run before a replay); null for an
    /// operation every signed-in caller may do, which the pipeline's authentication already checked.</param>
    /// <param name="operation">The operation itself.</param>
    public async Task<ApiResult> RunAsync(HttpRequest request, string operationName, Func<Task>? mayStill, Func<Task<ApiResult>> operation)
    {
        var key = request.Headers[Header].ToString();
        if (key.Length == 0) return await operation();
        if (key.Length > 255 || key.Any(c => c < 0x21 || c > 0x7e))
        {
            throw Problems.Problems.Validation(new Dictionary<string, IReadOnlyList<LocalizedText>>
            {
                [Header] = [new("必须为 1–255 个可见 ASCII 字符", "must be 1–255 visible ASCII characters")],
            });
        }
        var partition = Keys.Sha256Hex($"{request.Caller().UserId}|{operationName}|{key}");
        var requestHash = Keys.Sha256Hex(await request.ReadBytesAsync());
        var table = await tables.GetAsync(TableName, request.HttpContext.RequestAborted);

        var claim = await ClaimAsync(table, partition, requestHash);
        if (claim.Replay is not null)
        {
            if (mayStill is not null) await mayStill();
            return claim.Replay.WithHeader("Idempotent-Replayed", "true");
        }

        ApiResult result;
        try
        {
            using (SeededIds.Begin(claim.Seed, claim.Since, claim.Resuming))
            {
                result = await operation();
            }
        }
        catch
        {
            await ReleaseAsync(table, partition, claim.ETag);
            throw;
        }
        if (result.Status >= 500) await ReleaseAsync(table, partition, claim.ETag);
        else await CompleteAsync(table, partition, claim, requestHash, result);
        return result;
    }

    /// <param name="ETag">The claimed row's, for finishing or releasing it.</param>
    /// <param name="Replay">The first request's answer, when it finished.</param>
    /// <param name="Seed">What the operation's ids derive from: the first claim's, kept when a request resumes it.</param>
    /// <param name="Since">The first claim's time, which the operation's ids carry.</param>
    /// <param name="Resuming">Whether an earlier run of this request may have written the operation's change.</param>
    private sealed record Claim(ETag ETag, ApiResult? Replay, string Seed, DateTimeOffset Since, bool Resuming);

    private async Task<Claim> ClaimAsync(TableClient table, string partition, string requestHash)
    {
        var deadline = clock.GetUtcNow() + options.Value.WaitForFirst;
        while (true)
        {
            var fresh = Pending(partition, requestHash, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), clock.GetUtcNow());
            try
            {
                var added = await table.AddEntityAsync(fresh);
                return Claimed(added, fresh, resuming: false);
            }
            catch (RequestFailedException e) when (e.IsConflict())
            {
            }
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(partition, "");
            if (!existing.HasValue || existing.Value is null) continue;
            var row = existing.Value;
            var now = clock.GetUtcNow();
            var step = IdempotencyLease.Decide(row.GetString("State"), row.GetDateTimeOffset("LeaseUntil"),
                row.GetDateTimeOffset("ExpiresAt"), row.GetString("RequestHash") == requestHash, now);
            switch (step)
            {
                case IdempotencyLease.Step.Replay:
                    return new Claim(row.ETag, Stored(row), "", now, Resuming: false);
                case IdempotencyLease.Step.KeyReused:
                    throw KeyReused();
                case IdempotencyLease.Step.Wait when now > deadline:
                    throw InProgress();
                case IdempotencyLease.Step.Wait:
                    await Task.Delay(TimeSpan.FromMilliseconds(100));
                    continue;
            }
            // A row claimed before seeds were kept resumes with a seed of its own: nothing it wrote can be found again.
            var resuming = step == IdempotencyLease.Step.Resume && row.GetString("Seed") is not null;
            var taken = resuming
                ? Pending(partition, requestHash, row.GetString("Seed")!, row.GetDateTimeOffset("Since") ?? now)
                : fresh;
            try
            {
                var replaced = await table.UpdateEntityAsync(taken, row.ETag, TableUpdateMode.Replace);
                if (resuming) LogResumed();
                return Claimed(replaced, taken, resuming);
            }
            catch (RequestFailedException e) when (e.IsPreconditionFailed() || e.IsNotFound())
            {
            }
        }
    }

    private static Claim Claimed(Response written, TableEntity row, bool resuming) =>
        new(written.Headers.ETag ?? ETag.All, null, row.GetString("Seed")!, row.GetDateTimeOffset("Since")!.Value, resuming);

    private TableEntity Pending(string partition, string requestHash, string seed, DateTimeOffset since)
    {
        var now = clock.GetUtcNow();
        return new TableEntity(partition, "")
        {
            ["State"] = "pending",
            ["RequestHash"] = requestHash,
            ["Seed"] = seed,
            ["Since"] = since,
            ["LeaseUntil"] = now + options.Value.Lease,
            ["ExpiresAt"] = now + options.Value.Retention,
        };
    }

    private async Task CompleteAsync(TableClient table, string partition, Claim claim, string requestHash, ApiResult result)
    {
        if (result.Body is { Length: > MaxStoredBody })
        {
            LogNotStored(result.Body.Length);
            await ReleaseAsync(table, partition, claim.ETag);
            return;
        }
        var done = new TableEntity(partition, "")
        {
            ["State"] = "done",
            ["RequestHash"] = requestHash,
            // Kept with the answer: the row still says what the ids the operation made derive from.
            ["Seed"] = claim.Seed,
            ["Since"] = claim.Since,
            ["ExpiresAt"] = clock.GetUtcNow() + options.Value.Retention,
            ["Status"] = result.Status,
            ["Headers"] = JsonSerializer.Serialize(result.Headers),
            ["ContentType"] = result.ContentType,
            ["Body"] = result.Body,
        };
        try
        {
            await table.UpdateEntityAsync(done, claim.ETag, TableUpdateMode.Replace);
        }
        catch (RequestFailedException e) when (e.IsPreconditionFailed() || e.IsNotFound())
        {
            LogLeaseLost();
        }
    }

    private static async Task ReleaseAsync(TableClient table, string partition, ETag etag)
    {
        try
        {
            await table.DeleteEntityAsync(partition, "", etag);
        }
        catch (RequestFailedException)
        {
            // Left behind, the claim lapses when its lease does.
        }
    }

    private static ApiResult Stored(TableEntity row) =>
        new(row.GetInt32("Status") ?? 200,
            JsonSerializer.Deserialize<Dictionary<string, string>>(row.GetString("Headers") ?? "{}") ?? [],
            row.GetBinary("Body"),
            row.GetString("ContentType"));

    private static RuleViolationException KeyReused() =>
        new( "idempotency_key_reused",
            new("幂等键已用于另一请求", "The Idempotency-Key was used for another request"),
            new("同一幂等键只能用于内容相同的请求，请换一个新的键。", "Reuse a key only with the same body; send a new key."));

    private static ConflictException InProgress() =>
        new( "idempotency_in_progress",
            new("相同幂等键的请求仍在处理中", "A request with this Idempotency-Key is still in progress"),
            new("请稍后重试。", "Try again shortly."))
        { RetryAfter = TimeSpan.FromSeconds(1) };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Idempotent response of {Bytes} bytes is too large to store; key released")]
    private partial void LogNotStored(int bytes);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Idempotent request resumes a claim whose lease lapsed before its answer was stored")]
    private partial void LogResumed();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Idempotency lease lapsed before the operation finished")]
    private partial void LogLeaseLost();
}
