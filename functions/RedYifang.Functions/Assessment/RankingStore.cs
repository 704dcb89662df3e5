using System.IO.Compression;
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
/// (<c>b|{group}|{bucket}|{hash}</c>). The <c>meta</c> row names the published version and lists its rows; it moves in
/// the same entity-group transaction as the version's last rows, conditional on its ETag. So a run that dies half-way
/// leaves the previous version in place; the same result written twice is the same rows; and a new version writes only
/// the rows that changed — a new fact changes one peer group, not the whole scope. A final meta row is never moved again.
/// Every row but the indicator set holds gzipped JSON (<see cref="Row"/>).
/// </summary>
public sealed class RankingStore(Platform.Storage.Tables tables, Outbox outbox) : OutboxStore(tables, outbox, TableName)
{
    public const string TableName = "Rankings";

    /// <summary>The table service's limit on a binary property.</summary>
    public const int MaxBinary = 64 * 1024;

    public async Task<(RankingMeta Meta, ETag ETag)?> MetaAsync(RankingScope scope, string period, CancellationToken ct = default)
    {
        var table = await TableAsync(ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(scope.Partition(period), "meta", cancellationToken: ct);
        return row.HasValue && row.Value is { } e ? (Read<RankingMeta>(e), e.ETag) : null;
    }

    /// <summary>
    /// Writes the version's rows that the current version does not already have and points the meta row at it, the meta
    /// row in the last transaction, on the ETag it was read with. False when another run moved it first; then none of that
    /// last transaction is written.
    /// </summary>
    public async Task<bool> PublishAsync(RankingMeta meta, RankingVersion version, (RankingMeta Meta, ETag ETag)? current,
        CancellationToken ct = default)
    {
        var table = await TableAsync(ct);
        var partition = meta.Scope.Partition(meta.Period);
        var written = (current?.Meta.Rows ?? []).ToHashSet(StringComparer.Ordinal);
        var published = Row(partition, "meta", meta);
        var batches = EntityTransactions.Batches(version.Parts.Where(p => !written.Contains(p.Key))
            .Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(partition, p.Key, p.Items)))
            .Append(current is { } c
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, published, c.ETag)
                : new TableTransactionAction(TableTransactionActionType.Add, published)));
        // The other transactions first, together: their rows are invisible until the meta row names them.
        await Parallel.ForEachAsync(
            batches[..^1],
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct },
            async (batch, token) => await table.SubmitTransactionAsync(batch, token));
        try
        {
            await table.SubmitTransactionAsync(batches[^1], ct);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

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
        var keys = meta.Rows.Where(k => k.StartsWith(peerGroup is null ? "g|" : $"g|{peerGroup}|", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        var chunks = await Task.WhenAll(keys.Select(async key =>
            (await table.GetEntityAsync<TableEntity>(meta.Scope.Partition(meta.Period), key, cancellationToken: ct)).Value));
        return [.. chunks.SelectMany(Read<List<Ranked>>)];
    }

    /// <summary>An organisation's breakdown in a published version; its peer group says which bucket holds it.</summary>
    public async Task<Ranked?> OrgAsync(RankingMeta meta, string orgId, PeerGroup group, CancellationToken ct = default)
    {
        var buckets = meta.Rows.Where(k => k.StartsWith($"b|{EnumText.ToText(group)}|", StringComparison.Ordinal)).ToList();
        if (buckets.Count == 0) return null;
        var table = await TableAsync(ct);
        var row = await table.GetEntityAsync<TableEntity>(
            meta.Scope.Partition(meta.Period),
            buckets[RankingVersion.Bucket(orgId, buckets.Count)],
            cancellationToken: ct);
        return Read<List<Ranked>>(row.Value).FirstOrDefault(r => r.OrgId == orgId);
    }

    /// <summary>
    /// A row holding <paramref name="doc"/> as gzipped JSON, in properties <c>Gz0</c>, <c>Gz1</c>… of at most
    /// <see cref="MaxBinary"/> each. A part's JSON is bounded (<see cref="RankingVersion"/>) and the meta row's grows by
    /// some 50 bytes a part, so a row stays far below an entity's 1 MiB.
    /// </summary>
    public static TableEntity Row<T>(string partition, string key, T doc)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            JsonSerializer.Serialize(gzip, doc, Json.Options);
        }
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        var row = new TableEntity(partition, key);
        for (var i = 0; i * MaxBinary < bytes.Length; i++)
        {
            row[$"Gz{i}"] = bytes.Slice(i * MaxBinary, Math.Min(MaxBinary, bytes.Length - (i * MaxBinary))).ToArray();
        }
        return row;
    }

    public static T Read<T>(TableEntity row)
    {
        using var bytes = new MemoryStream();
        for (var i = 0; row.ContainsKey($"Gz{i}"); i++) bytes.Write(row.GetBinary($"Gz{i}"));
        bytes.Position = 0;
        using var gzip = new GZipStream(bytes, CompressionMode.Decompress);
        return JsonSerializer.Deserialize<T>(gzip, Json.Options)
            ?? throw new InvalidDataException($"Ranking row {row.PartitionKey}/{row.RowKey} has no document.");
    }
}
