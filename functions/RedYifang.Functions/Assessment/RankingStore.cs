using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Assessment;

/// <summary>
/// Table <c>Rankings</c>, one partition per scope and period (<c>{districtOrStreetId}|{period}</c>). A version is named by
/// its content's hash, and so is each of its rows (<see cref="RankingVersion"/>): each peer group's list in rank order
/// (<c>g|{group}|{chunk}|{hash}</c>) and its breakdowns, each organisation with its indicators
/// (<c>b|{group}|{bucket}|{hash}</c>), gzipped JSON. The <c>meta</c> row names the published version and lists its rows;
/// it moves in the same entity-group transaction as the version's last rows, conditional on its ETag. So a run that dies
/// half-way leaves the previous version in place; the same result written twice is the same rows; and a new version
/// writes only the rows that changed — a new fact changes one peer group, not the whole scope. A final meta row is never
/// moved again. Versions written before (meta rows without row lists) are read as they were written.
/// </summary>
public sealed class RankingStore(Platform.Storage.Tables tables, Outbox outbox) : OutboxStore(tables, outbox, TableName)
{
    public const string TableName = "Rankings";
    private const int MaxTransaction = 100;

    public async Task<(RankingMeta Meta, ETag ETag)?> MetaAsync(RankingScope scope, string period, CancellationToken ct = default)
    {
        var table = await TableAsync(ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(scope.Partition(period), "meta", cancellationToken: ct);
        return row.HasValue && row.Value is { } e ? (JsonRows.Read<RankingMeta>(e), e.ETag) : null;
    }

    /// <summary>
    /// Writes the version's rows that the current version does not already have and points the meta row at it (its rows
    /// listed), the meta row in the last transaction, on the ETag it was read with. False when another run moved it first;
    /// then none of that last transaction is written.
    /// </summary>
    public async Task<bool> PublishAsync(RankingMeta meta, RankingVersion version, (RankingMeta Meta, ETag ETag)? current,
        CancellationToken ct = default)
    {
        var table = await TableAsync(ct);
        var partition = meta.Scope.Partition(meta.Period);
        var written = (current?.Meta.Lists ?? []).Concat(current?.Meta.Breakdowns ?? []).ToHashSet(StringComparer.Ordinal);
        var rows = new List<TableEntity>();
        foreach (var (key, items) in version.Lists.Where(p => !written.Contains(p.Key)))
        {
            rows.Add(new TableEntity(partition, key) { ["Gz"] = Compress(items.Select(r => r with { Indicators = [] }).ToList()) });
        }
        foreach (var (key, items) in version.Breakdowns.Where(p => !written.Contains(p.Key)))
        {
            rows.Add(new TableEntity(partition, key) { ["Gz"] = Compress(items) });
        }
        var published = JsonRows.Create(partition, "meta", meta with
        {
            Lists = [.. version.Lists.Select(p => p.Key)],
            Breakdowns = [.. version.Breakdowns.Select(p => p.Key)],
        });
        var last = current is { } c
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, published, c.ETag)
            : new TableTransactionAction(TableTransactionActionType.Add, published);
        // Rows beyond one transaction go first, together (invisible until the meta row moves); the rest go with it.
        var early = rows.Count - (MaxTransaction - 1);
        if (early > 0)
        {
            await Parallel.ForEachAsync(
                rows.Take(early).Chunk(MaxTransaction),
                new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct },
                async (batch, token) => await table.SubmitTransactionAsync(batch.Select(Upsert), token));
        }
        try
        {
            await table.SubmitTransactionAsync([.. rows.Skip(Math.Max(early, 0)).Select(Upsert), last], ct);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    private static TableTransactionAction Upsert(TableEntity row) => new(TableTransactionActionType.UpsertReplace, row);

    /// <summary>A district's indicator set for a period (row <c>indicators</c> of its district ranking's partition), if it has one.</summary>
    public async Task<IndicatorSet?> IndicatorSetAsync(string districtId, string period, CancellationToken ct = default) =>
        await FindRowAsync(new RankingScope(districtId, false).Partition(period), "indicators", ct) is { } row
            ? JsonRows.Read<IndicatorSet>(row)
            : null;

    public async Task PutIndicatorSetAsync(string districtId, IndicatorSet set, CancellationToken ct = default)
    {
        var table = await TableAsync(ct);
        await table.UpsertEntityAsync(JsonRows.Create(new RankingScope(districtId, false).Partition(set.Period), "indicators", set),
            TableUpdateMode.Replace, ct);
    }

    /// <summary>Asks for a district's run (queue <c>assessment-runs</c>) through the outbox of its ranking's partition.</summary>
    public Task QueueRunAsync(string districtId, string period, CancellationToken ct = default) =>
        CommitAsync(new RankingScope(districtId, false).Partition(period), [],
            [new OutboxMessage(AssessmentRuns.Queue, new AssessmentRuns.RunMessage(districtId, period))], ct);

    /// <summary>The version's lists (of one peer group, or of all in the order of their names), in rank order.</summary>
    public async Task<List<Ranked>> GroupsAsync(RankingMeta meta, string? peerGroup, CancellationToken ct = default)
    {
        var table = await TableAsync(ct);
        var partition = meta.Scope.Partition(meta.Period);
        if (meta.Lists is { } lists)
        {
            var keys = lists.Where(k => peerGroup is null || k.StartsWith($"g|{peerGroup}|", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal);
            var chunks = await Task.WhenAll(keys.Select(async key =>
                (await table.GetEntityAsync<TableEntity>(partition, key, cancellationToken: ct)).Value));
            return [.. chunks.SelectMany(e => Decompress<List<Ranked>>(e.GetBinary("Gz")))];
        }
        var prefix = peerGroup is null ? $"v|{meta.Version}|group|" : $"v|{meta.Version}|group|{peerGroup}|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {prefix} and RowKey lt {prefix + "~"}");
        var items = new List<Ranked>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            items.AddRange(JsonRows.Read<List<Ranked>>(e));
        }
        return items;
    }

    /// <summary>An organisation's breakdown in a published version; its peer group says which bucket holds it.</summary>
    public async Task<Ranked?> OrgAsync(RankingMeta meta, string orgId, PeerGroup group, CancellationToken ct = default)
    {
        var table = await TableAsync(ct);
        string key;
        if (meta.Breakdowns is null)
        {
            // A version written before breakdowns were named by their content: 64 buckets over the whole scope.
            key = $"v|{meta.Version}|org|{SHA256.HashData(Encoding.UTF8.GetBytes(orgId))[0] % 64:D2}";
        }
        else
        {
            var prefix = $"b|{EnumText.ToText(group)}|";
            var buckets = meta.Breakdowns.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            if (buckets.Count == 0) return null;
            key = buckets[RankingVersion.Bucket(orgId, buckets.Count)];
        }
        var row = await table.GetEntityIfExistsAsync<TableEntity>(meta.Scope.Partition(meta.Period), key, cancellationToken: ct);
        return row.HasValue && row.Value is { } e
            ? Decompress<List<Ranked>>(e.GetBinary("Gz")).FirstOrDefault(r => r.OrgId == orgId)
            : null;
    }

    private static byte[] Compress<T>(T doc)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest)) JsonSerializer.Serialize(gzip, doc, Json.Options);
        return buffer.ToArray();
    }

    private static T Decompress<T>(byte[] bytes)
    {
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<T>(gzip, Json.Options)!;
    }


}
