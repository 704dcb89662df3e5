using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Notifications;

/// <summary>
/// Table <c>Notifications</c>, one partition per user: the user's quota of each template (RowKey <c>quota|{templateKey}</c>,
/// <c>Remaining</c>) and their notifications (RowKey the notification's id, newest first). Both in one partition so that
/// spending a subscription on a notification is one entity-group transaction on both ETags: a replay, a concurrent add and
/// a concurrent spend each either see the other's write or fail and look again, and never lose or double a count.
/// </summary>
public sealed class NotificationStore(Tables tables, TimeProvider clock)
{
    public const string TableName = "Notifications";
    public const string IdPrefix = "ntf_";
    private const string QuotaPrefix = "quota|";

    /// <summary>The id of the notification of <paramref name="eventId"/> for <paramref name="userId"/>: the same every time.</summary>
    public static string IdOf(string eventId, string userId, DateTimeOffset at) =>
        $"{IdPrefix}{DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks:D19}-{Keys.StableId("x", $"{eventId}|{userId}")[2..]}";

    public static bool IsId(string? id) => Keys.IsWellFormedId(id) && id!.StartsWith(IdPrefix, StringComparison.Ordinal);

    private static string QuotaRow(string templateKey) => QuotaPrefix + templateKey;

    private Task<TableClient> TableAsync(CancellationToken ct) => tables.GetAsync(TableName, ct);

    /// <summary>One more subscription to the template; returns what is left now.</summary>
    public async Task<int> AddQuotaAsync(string userId, string templateKey, CancellationToken ct)
    {
        var table = await TableAsync(ct);
        // Added or spent meanwhile (409/412): ConcurrentUpdate counts again from what is there now.
        return await ConcurrentUpdate.RunAsync(async token =>
        {
            var row = await FindAsync(table, userId, QuotaRow(templateKey), token);
            var remaining = (row?.GetInt32("Remaining") ?? 0) + 1;
            var updated = new TableEntity(userId, QuotaRow(templateKey))
            {
                ["TemplateKey"] = templateKey, ["Remaining"] = remaining, ["UpdatedAt"] = clock.GetUtcNow(),
            };
            if (row is null) await table.AddEntityAsync(updated, token);
            else await table.UpdateEntityAsync(updated, row.ETag, TableUpdateMode.Replace, token);
            return remaining;
        }, ct);
    }

    /// <summary>What is left of each template the user ever subscribed to.</summary>
    public async Task<IReadOnlyDictionary<string, int>> QuotasAsync(string userId, CancellationToken ct)
    {
        var table = await TableAsync(ct);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {userId} and RowKey ge {QuotaPrefix} and RowKey lt {QuotaPrefix[..^1] + "}"}");
        var quotas = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["TemplateKey", "Remaining"], cancellationToken: ct))
        {
            quotas[row.GetString("TemplateKey")] = row.GetInt32("Remaining") ?? 0;
        }
        return quotas;
    }

    /// <summary>The notification as first recorded: this draft when it is new, else what a run before this one wrote.</summary>
    public async Task<StoredNotification> EnsureAsync(StoredNotification draft, CancellationToken ct)
    {
        var table = await TableAsync(ct);
        try
        {
            var added = await table.AddEntityAsync(ToEntity(draft), ct);
            return draft with { ETag = added.Headers.ETag ?? default };
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            return await FindAsync(draft.UserId, draft.Id, ct)
                ?? throw new InvalidOperationException($"Notification {draft.Id} exists and cannot be read.");
        }
    }

    public async Task<StoredNotification?> FindAsync(string userId, string id, CancellationToken ct)
    {
        if (!IsId(id) || !Keys.IsWellFormedId(userId)) return null;
        var row = await FindAsync(await TableAsync(ct), userId, id, ct);
        return row is null ? null : FromEntity(row);
    }

    /// <summary>
    /// Spends one of the user's subscriptions to the template on the notification and takes it to send, both or neither:
    /// the notification as charged, <c>NoQuota</c> when none is left, or neither when either row changed meanwhile.
    /// </summary>
    public async Task<(StoredNotification? Charged, bool NoQuota)> TryChargeAsync(StoredNotification n, DateTimeOffset leaseUntil,
        CancellationToken ct)
    {
        var table = await TableAsync(ct);
        var quota = await FindAsync(table, n.UserId, QuotaRow(n.TemplateKey), ct);
        if ((quota?.GetInt32("Remaining") ?? 0) <= 0) return (null, true);
        quota!["Remaining"] = quota.GetInt32("Remaining")!.Value - 1;
        quota["UpdatedAt"] = clock.GetUtcNow();
        var charged = n with { Charged = true, Attempts = n.Attempts + 1, LeaseUntil = leaseUntil };
        var etag = await SubmitAsync(table, [
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToEntity(charged), n.ETag),
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, quota, quota.ETag),
        ], ct);
        return (etag is { } e ? charged with { ETag = e } : null, false);
    }

    /// <summary>Takes a charged notification to send (again): one attempt more, held until <paramref name="leaseUntil"/>; null when someone else changed it.</summary>
    public Task<StoredNotification?> TryClaimAsync(StoredNotification n, DateTimeOffset leaseUntil, CancellationToken ct) =>
        TryReplaceAsync(n, n with { Attempts = n.Attempts + 1, LeaseUntil = leaseUntil }, ct);

    /// <summary>Writes <paramref name="after"/> over <paramref name="before"/> if nobody changed it meanwhile (else null).</summary>
    public async Task<StoredNotification?> TryReplaceAsync(StoredNotification before, StoredNotification after, CancellationToken ct)
    {
        var table = await TableAsync(ct);
        try
        {
            var response = await table.UpdateEntityAsync(ToEntity(after), before.ETag, TableUpdateMode.Replace, ct);
            return after with { ETag = response.Headers.ETag ?? default };
        }
        catch (RequestFailedException e) when (e.IsPreconditionFailed() || e.IsNotFound())
        {
            return null;
        }
    }

    /// <summary>
    /// The notification's final state, with what it does to the quota, in one transaction; false when the notification or
    /// the quota changed meanwhile (nothing written).
    /// </summary>
    public async Task<bool> TryFinishAsync(StoredNotification n, SendState state, int? errCode, QuotaChange change, CancellationToken ct)
    {
        var table = await TableAsync(ct);
        var now = clock.GetUtcNow();
        var done = n with
        {
            State = state, ErrCode = errCode, LeaseUntil = TableDates.LongAgo, SentAt = state == SendState.Sent ? now : n.SentAt,
        };
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, ToEntity(done), n.ETag),
        };
        var quotaRow = new TableEntity(n.UserId, QuotaRow(n.TemplateKey)) { ["TemplateKey"] = n.TemplateKey, ["UpdatedAt"] = now };
        if (change == QuotaChange.Zero)
        {
            // The user refused: whatever was counted is void, so no ETag.
            quotaRow["Remaining"] = 0;
            actions.Add(new(TableTransactionActionType.UpsertReplace, quotaRow));
        }
        else if (change == QuotaChange.Refund)
        {
            var quota = await FindAsync(table, n.UserId, QuotaRow(n.TemplateKey), ct);
            quotaRow["Remaining"] = (quota?.GetInt32("Remaining") ?? 0) + 1;
            actions.Add(quota is null
                ? new(TableTransactionActionType.Add, quotaRow)
                : new(TableTransactionActionType.UpdateReplace, quotaRow, quota.ETag));
        }
        return await SubmitAsync(table, actions, ct) is not null;
    }

    /// <summary>A page of the user's notifications, newest first.</summary>
    public async Task<ListPage<StoredNotification>> ListAsync(string userId, Paging paging, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {userId} and RowKey ge {IdPrefix} and RowKey lt {IdPrefix[..^1] + "`"}");
        return await TablePages.ReadAsync(await TableAsync(ct), filter, paging, FromEntity, ct: ct);
    }

    /// <summary>
    /// Marks the user's notification read, that column alone and whatever its send state (a sender's write on the ETag it read
    /// then fails and looks again); null when the user has no notification of that id.
    /// </summary>
    public async Task<StoredNotification?> MarkReadAsync(string userId, string id, CancellationToken ct)
    {
        var found = await FindAsync(userId, id, ct);
        if (found?.Read != false) return found;
        var table = await TableAsync(ct);
        await table.UpdateEntityAsync(new TableEntity(userId, id) { ["Read"] = true }, ETag.All, TableUpdateMode.Merge, ct);
        return found with { Read = true };
    }

    /// <summary>The new ETag of the transaction's first row (the notification), or null when a row changed meanwhile (nothing written).</summary>
    private static async Task<ETag?> SubmitAsync(TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken ct)
    {
        try
        {
            var responses = await table.SubmitTransactionAsync(actions, ct);
            return responses.Value[0].Headers.ETag ?? default;
        }
        catch (TableTransactionFailedException e) when (e.Status is 412 or 409 or 404)
        {
            return null;
        }
    }

    private static async Task<TableEntity?> FindAsync(TableClient table, string partitionKey, string rowKey, CancellationToken ct)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: ct);
        return row.HasValue ? row.Value : null;
    }

    private static TableEntity ToEntity(StoredNotification n) => new(n.UserId, n.Id)
    {
        ["EventId"] = n.EventId, ["Kind"] = EnumText.ToText(n.Kind), ["OrderId"] = n.OrderId, ["TemplateKey"] = n.TemplateKey,
        ["Summary"] = n.Summary, ["Page"] = n.Page, ["Data"] = JsonSerializer.Serialize(n.Data, Json.Options), ["At"] = n.At,
        ["State"] = EnumText.ToText(n.State), ["Charged"] = n.Charged, ["Attempts"] = n.Attempts,
        ["LeaseUntil"] = n.LeaseUntil < TableDates.LongAgo ? TableDates.LongAgo : n.LeaseUntil,
        ["ErrCode"] = n.ErrCode, ["SentAt"] = n.SentAt,
        ["Read"] = n.Read,
    };

    private static StoredNotification FromEntity(TableEntity e) => new(
        e.RowKey,
        e.PartitionKey,
        e.GetString("EventId"),
        EnumText.Parse<NotificationKind>(e.GetString("Kind")),
        e.GetString("OrderId"),
        e.GetString("TemplateKey"),
        e.GetString("Summary"),
        e.GetString("Page"),
        JsonSerializer.Deserialize<Dictionary<string, string>>(e.GetString("Data") ?? "{}", Json.Options) ?? [],
        e.GetDateTimeOffset("At") ?? default,
        EnumText.Parse<SendState>(e.GetString("State")),
        e.GetBoolean("Charged") ?? false,
        e.GetInt32("Attempts") ?? 0,
        e.GetDateTimeOffset("LeaseUntil") ?? TableDates.LongAgo,
        e.GetInt32("ErrCode"),
        e.GetDateTimeOffset("SentAt"),
        e.GetBoolean("Read") ?? false) { ETag = e.ETag };
}
