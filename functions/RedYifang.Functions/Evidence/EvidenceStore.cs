using Azure.Data.Tables;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Messaging;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Evidence;

/// <summary>
/// Table <c>Evidence</c>, one partition per organisation whose trace archive holds the evidence (the id carries it):
/// <c>evd|{id}</c> records, <c>chain|{seq}</c> links and the <c>head</c> of the chain. Joining the chain is one
/// transaction: the new link, the head moved on its ETag and the record marked verified on its ETag.
/// Table <c>EvidenceByOwner</c> (PartitionKey <c>{ownerType}|{ownerId}</c>, RowKey evidence id) is written before the
/// record. Table <c>PhotoHashes</c> finds near-duplicate photos: each 64-bit perceptual hash is filed under its eight
/// bytes (<c>band{i}|{byte}</c>), so two hashes within 7 bits of each other share at least one partition.
/// </summary>
public sealed class EvidenceStore(Tables tables, Outbox outbox, EventTranslators translators, TimeProvider clock)
{
    public const string TableName = "Evidence";
    public const string ByOwnerTable = "EvidenceByOwner";
    public const string PhotoHashTable = "PhotoHashes";

    public static string? ChainOrgOf(string evidenceId) => Keys.ParentOf(evidenceId, "org");

    public async Task<StoredEvidence?> FindAsync(string id, CancellationToken ct = default)
    {
        if (ChainOrgOf(id) is not { } org) return null;
        var table = await tables.GetAsync(TableName, ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(org, Row(id), cancellationToken: ct);
        return row.HasValue && row.Value is { } e ? new StoredEvidence(Deserialize(e), e.ETag) : null;
    }

    /// <summary>Adds a new record with any queue messages and what its <see cref="EvidenceEvent"/> (an upload sealed) translates to.</summary>
    public async Task AddAsync(EvidenceRecord record, IEnumerable<(string Queue, object Message)>? messages = null,
        CancellationToken ct = default)
    {
        var index = await tables.GetAsync(ByOwnerTable, ct);
        await index.UpsertEntityAsync(new TableEntity(OwnerKey(record.OwnerType, record.OwnerId), record.Id), TableUpdateMode.Replace, ct);
        var table = await tables.GetAsync(TableName, ct);
        var staged = Staged(record, messages, EvidenceEvent.Between(null, record, clock.GetUtcNow()));
        await table.SubmitTransactionAsync(
            [new TableTransactionAction(TableTransactionActionType.Add, Entity(record)), .. staged.Select(s => s.Action)], ct);
        await outbox.DispatchAsync(table, staged.Select(s => s.Entry), ct);
    }

    /// <summary>
    /// Replaces the record on its ETag, with any queue messages and what its <see cref="EvidenceEvent"/> (sealed, rejected)
    /// translates to staged in the same transaction; a lost race is 409 and writes nothing.
    /// </summary>
    public async Task UpdateAsync(StoredEvidence before, EvidenceRecord after, IEnumerable<(string Queue, object Message)>? messages = null,
        CancellationToken ct = default)
    {
        var table = await tables.GetAsync(TableName, ct);
        var staged = Staged(after, messages, EvidenceEvent.Between(before.Record, after, clock.GetUtcNow()));
        try
        {
            await table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.UpdateReplace, Entity(after), before.ETag),
                .. staged.Select(s => s.Action),
            ], ct);
        }
        catch (TableTransactionFailedException e) when (e.Status is 412 or 404)
        {
            throw Problems.Conflict();
        }
        await outbox.DispatchAsync(table, staged.Select(s => s.Entry), ct);
    }

    /// <summary>The change's own queue messages and what its events translate to, staged in the record's partition.</summary>
    private List<(TableTransactionAction Action, OutboxEntry Entry)> Staged(EvidenceRecord record,
        IEnumerable<(string Queue, object Message)>? messages, IReadOnlyList<EvidenceEvent> events) =>
    [
        .. (messages ?? []).Select(m => outbox.Stage(record.ChainOrgId, m.Queue, m.Message)),
        .. translators.Translate(events).Select(m => outbox.Stage(record.ChainOrgId, m.Queue, m.Body)),
    ];

    /// <summary>
    /// Appends a verified record to its organisation's chain; false when another append got there first. The
    /// integration event <c>evidence.chainHead</c> is staged in the same transaction, so every head the chain ever had
    /// is published outside the storage account, where whoever could rewrite this partition cannot reach it. So is what the
    /// features that own the evidence's object make of its <see cref="EvidenceEvent.Verified"/> (Activities: the activity may close).
    /// </summary>
    public async Task<bool> TryAppendAsync(StoredEvidence stored, Func<long, string, EvidenceRecord> verify, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(TableName, ct);
        var org = stored.Record.ChainOrgId;
        var head = await table.GetEntityIfExistsAsync<TableEntity>(org, "head", cancellationToken: ct);
        var seq = head.HasValue ? (head.Value!.GetInt64("Seq") ?? 0) + 1 : 1;
        var previous = head.HasValue ? head.Value!.GetString("Hash") : HashChain.Genesis;
        var record = verify(seq, previous);
        var link = new TableEntity(org, LinkRow(seq))
        {
            ["EvidenceId"] = record.Id, ["Sha256"] = record.Sha256, ["CommittedAt"] = record.CommittedAt,
            ["PreviousHash"] = previous, ["ChainHash"] = record.ChainHash,
        };
        var newHead = new TableEntity(org, "head") { ["Seq"] = seq, ["Hash"] = record.ChainHash };
        var (queue, message) = IntegrationEvent.Of($"chainhead-{org}-{seq}", IntegrationEventType.EvidenceChainHead,
            record.VerifiedAt ?? default, new ChainHeadMoved(org, seq, record.ChainHash!, record.VerifiedAt ?? default));
        var anchor = outbox.Stage(org, queue, message);
        var owners = translators.Translate([new EvidenceEvent.Verified(record)]).Select(m => outbox.Stage(org, m.Queue, m.Body)).ToList();
        try
        {
            await table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, link),
                head.HasValue
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, newHead, head.Value!.ETag)
                    : new TableTransactionAction(TableTransactionActionType.Add, newHead),
                new TableTransactionAction(TableTransactionActionType.UpdateReplace, Entity(record), stored.ETag),
                anchor.Action,
                .. owners.Select(o => o.Action),
            ], ct);
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
        await outbox.DispatchAsync(table, [anchor.Entry, .. owners.Select(o => o.Entry)], ct);
        return true;
    }

    public async Task<(List<ChainLink> Links, (long, string)? Head)> ChainAsync(string orgId, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(TableName, ct);
        var links = new List<ChainLink>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {orgId} and RowKey gt {"chain|"} and RowKey lt {"chain}"}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            links.Add(new ChainLink(long.Parse(e.RowKey[6..]), e.GetString("EvidenceId"), e.GetString("Sha256"),
                e.GetDateTimeOffset("CommittedAt") ?? default, e.GetString("PreviousHash"), e.GetString("ChainHash")));
        }
        var head = await table.GetEntityIfExistsAsync<TableEntity>(orgId, "head", cancellationToken: ct);
        return (links, head.HasValue ? (head.Value!.GetInt64("Seq") ?? 0, head.Value.GetString("Hash")) : null);
    }

    public async Task<Dictionary<string, EvidenceRecord>> RecordsOfAsync(string orgId, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(TableName, ct);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {orgId} and RowKey gt {"evd|"} and RowKey lt {"evd}"}");
        var records = new Dictionary<string, EvidenceRecord>(StringComparer.Ordinal);
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            var record = Deserialize(e);
            records[record.Id] = record;
        }
        return records;
    }

    public async Task<ListPage<EvidenceRecord>> ListByOwnerAsync(OwnerType ownerType, string ownerId, Paging paging,
        CancellationToken ct = default)
    {
        var index = await tables.GetAsync(ByOwnerTable, ct);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {OwnerKey(ownerType, ownerId)}");
        return await TablePages.ResolveAsync(index, filter, paging, async id => (await FindAsync(id, ct))?.Record,
            r => r.OwnerType == ownerType && r.OwnerId == ownerId, ct);
    }

    public async Task FilePhotoHashAsync(EvidenceRecord record, ulong hash, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(PhotoHashTable, ct);
        await Task.WhenAll(Bands(hash).Select(band => table.UpsertEntityAsync(new TableEntity(band, record.Id)
        {
            ["Hash"] = hash.ToString("x16"), ["OwnerType"] = EnumText.ToText(record.OwnerType), ["OwnerId"] = record.OwnerId,
        }, TableUpdateMode.Replace, ct)));
    }

    /// <summary>Evidence ids of photos filed under any of the hash's bands, with their hashes and owners.</summary>
    public async Task<List<(string Id, ulong Hash, string OwnerType, string OwnerId)>> PhotosNearAsync(ulong hash,
        CancellationToken ct = default)
    {
        var table = await tables.GetAsync(PhotoHashTable, ct);
        var found = new Dictionary<string, (string, ulong, string, string)>(StringComparer.Ordinal);
        foreach (var band in Bands(hash))
        {
            await foreach (var e in table.QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {band}"),
                cancellationToken: ct))
            {
                found[e.RowKey] = (e.RowKey, Convert.ToUInt64(e.GetString("Hash"), 16), e.GetString("OwnerType"), e.GetString("OwnerId"));
            }
        }
        return found.Values.ToList();
    }

    private static IEnumerable<string> Bands(ulong hash) => Enumerable.Range(0, 8).Select(i => $"band{i}|{(hash >> (8 * i)) & 0xFF:x2}");

    public static string OwnerKey(OwnerType type, string id) => $"{EnumText.ToText(type)}|{id}";

    private static string Row(string id) => $"evd|{id}";

    private static string LinkRow(long seq) => $"chain|{seq:D12}";

    private static TableEntity Entity(EvidenceRecord r)
    {
        var entity = JsonRows.Create(r.ChainOrgId, Row(r.Id), r);
        entity["State"] = EnumText.ToText(r.State);
        return entity;
    }

    private static EvidenceRecord Deserialize(TableEntity e) => JsonRows.Read<EvidenceRecord>(e);
}
