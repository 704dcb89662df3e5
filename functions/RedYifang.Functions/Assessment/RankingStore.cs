using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Assessment;

/// <summary>
/// Table <c>Rankings</c>, one partition per scope and period (<c>{districtOrStreetId}|{period}</c>). A run writes its result under a version named by its content's
/// hash (<c>v|{version}|group|{group}|{chunk}</c> for the lists, <c>v|{version}|org|{bucket}</c> for the breakdowns,
/// gzipped, the organisations spread over 64 buckets by a hash of their id), and only then moves the
/// <c>meta</c> row to it with one ETag-conditional write. A run that dies half-way leaves the previous version in
/// place; the same result written twice is the same rows. A final meta row is never moved again.
/// </summary>
public sealed class RankingStore(Platform.Storage.Tables tables, Outbox outbox) : OutboxStore(tables, outbox, TableName)
{
    public const string TableName = "Rankings";
    private const int ChunkSize = 150;

    public async Task<(RankingMeta Meta, ETag ETag)?> MetaAsync(RankingScope scope, string period, CancellationToken ct = default)
    {
        var table = await TableAsync(ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(scope.Partition(period), "meta", cancellationToken: ct);
        return row.HasValue && row.Value is { } e ? (JsonRows.Read<RankingMeta>(e), e.ETag) : null;
    }

    public async Task WriteVersionAsync(
        RankingScope scope,
        string periodText,
        string version,
        IReadOnlyList<Ranked> ranked,
        CancellationToken ct = default)
    {
        var table = await TableAsync(ct);
        var period = scope.Partition(periodText);
        var rows = new List<TableEntity>();
        foreach (var group in ranked.GroupBy(r => r.PeerGroup))
        {
            var chunk = 0;
            foreach (var items in group.Select(r => r with { Indicators = [] }).Chunk(ChunkSize))
            {
                rows.Add(JsonRows.Create(period, $"v|{version}|group|{Platform.Problems.EnumText.ToText(group.Key)}|{chunk++:D4}", items));
            }
        }
        foreach (var bucket in ranked.GroupBy(r => Bucket(r.OrgId)))
        {
            rows.Add(new TableEntity(period, $"v|{version}|org|{bucket.Key:D2}") { ["Gz"] = Compress(bucket.ToList()) });
        }
        // The batches are independent (the version is not visible until meta moves), so they go out together.
        await Parallel.ForEachAsync(rows.Chunk(100), new ParallelOptions {
            MaxDegreeOfParallelism = 8,
            CancellationToken = ct }, async (batch, token) =>
            await table.SubmitTransactionAsync(
                batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)),
                token));
    }

    /// <summary>Points the period at a written version; false when another run moved it first.</summary>
    public async Task<bool> PublishAsync(RankingMeta meta, ETag? expected, CancellationToken ct = default)
    {
        var table = await TableAsync(ct);
        try
        {
            var row = JsonRows.Create(meta.Scope.Partition(meta.Period), "meta", meta);
            if (expected is { } etag) await table.UpdateEntityAsync(row, etag, TableUpdateMode.Replace, ct);
            else await table.AddEntityAsync(row, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
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

    public async Task<List<Ranked>> GroupsAsync(RankingMeta meta, string? peerGroup, CancellationToken ct = default)
    {
        var table = await TableAsync(ct);
        var prefix = peerGroup is null ? $"v|{meta.Version}|group|" : $"v|{meta.Version}|group|{peerGroup}|";
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {meta.Scope.Partition(meta.Period)} and RowKey gt {prefix} and RowKey lt {prefix + "~"}");
        var items = new List<Ranked>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: ct)) items.AddRange(
            JsonRows.Read<List<Ranked>>(e));
        return items;
    }

    public async Task<Ranked?> OrgAsync(RankingMeta meta, string orgId, CancellationToken ct = default)
    {
        var table = await TableAsync(ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(
            meta.Scope.Partition(meta.Period),
            $"v|{meta.Version}|org|{Bucket(orgId):D2}",
            cancellationToken: ct);
        return row.HasValue && row.Value is { } e
            ? Decompress<List<Ranked>>(e.GetBinary("Gz")).FirstOrDefault(r => r.OrgId == orgId)
            : null;
    }

    private const int Buckets = 64;

    private static int Bucket(string orgId)
        => System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(orgId))[0] % Buckets;

    private static byte[] Compress<T>(T doc)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Fastest)) JsonSerializer
            .Serialize(gzip, doc, Json.Options);
        return buffer.ToArray();
    }

    private static T Decompress<T>(byte[] bytes)
    {
        using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress);
        return JsonSerializer.Deserialize<T>(gzip, Json.Options)!;
    }


}
