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
/// Table <c>Rankings</c>, one partition per district and period (<c>{districtId}|{period}</c>) holding the district's
/// ranking and each of its streets': row <c>indicators</c> (the district's indicator set), a <c>meta|{scopeId}</c> row per
/// scope and the scopes' parts, <c>r|{scopeId}|{part}</c>. A version is named by its content's hash, and so is each of its
/// parts (<see cref="RankingVersion"/>): each peer group's list in rank order (<c>g|{group}|{chunk}|{hash}</c>) and its
/// breakdowns, each organisation with its indicators (<c>b|{group}|{bucket}|{hash}</c>). A scope's meta row names its
/// published version and lists its parts. A run reads the indicator set and every scope's meta row in one range query
/// (<see cref="DistrictAsync"/>) and publishes every scope that changed together (<see cref="PublishAsync"/>): the parts
/// that are new, then the meta rows, each in the same entity-group transaction as any of its parts not written before it,
/// conditional on its ETag, with what the new version's <see cref="RankingPublished"/> translates to (its integration
/// event). So a run that dies half-way leaves the previous version of each scope in place; the same
/// result written twice is the same rows; and a new version writes only the parts that changed — a new fact changes one
/// peer group, not the whole scope. A final meta row is never moved again. Every row but the indicator set holds gzipped
/// JSON (<see cref="Row"/>).
/// </summary>
/// <remarks>
/// Parts a new version no longer names are not deleted at once: a reader may have read the previous meta row and not yet
/// its parts. The meta row lists them as retired, with the time, and the publish that moves it once they have been retired
/// for <see cref="RetiredFor"/> deletes them in its own transaction (so a run that fails deletes nothing, and a deleted
/// row is never listed).
/// </remarks>
public sealed class RankingStore(Platform.Storage.Tables tables, Outbox outbox, EventTranslators translators)
    : OutboxStore(tables, outbox, TableName)
{
    private readonly Outbox _outbox = outbox;

    public const string TableName = "Rankings";

    public const string MetaPrefix = "meta|";

    /// <summary>The table service's limit on a binary property.</summary>
    public const int MaxBinary = 64 * 1024;

    /// <summary>How long a part no version names any more is kept for readers of an earlier version.</summary>
    public static readonly TimeSpan RetiredFor = TimeSpan.FromMinutes(10);

    private const string IndicatorsRow = "indicators";

    /// <summary>A district's indicator set of a period (null for the default) and each scope's meta row, by scope id.</summary>
    public sealed record DistrictRankings(IndicatorSet? Set, IReadOnlyDictionary<string, (RankingMeta Meta, ETag ETag)> Metas);

    /// <summary>A scope's new version to publish over <paramref name="Current"/> (null when the scope has none yet).</summary>
    public sealed record Publication(RankingMeta Meta, RankingVersion Version, (RankingMeta Meta, ETag ETag)? Current);

    public async Task<(RankingMeta Meta, ETag ETag)?> MetaAsync(RankingScope scope, string period, CancellationToken ct = default)
    {
        var table = await TableAsync(ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(scope.Partition(period), scope.MetaKey, cancellationToken: ct);
        return row.HasValue && row.Value is { } e ? (Read<RankingMeta>(e), e.ETag) : null;
    }

    /// <summary>
    /// The indicator set and every meta row of the district's partition, in one query: the row keys from <c>indicators</c> to
    /// the last <c>meta|</c> row hold nothing else (parts are <c>r|</c>, outbox rows <c>outbox|</c>).
    /// </summary>
    public async Task<DistrictRankings> DistrictAsync(string districtId, string period, CancellationToken ct = default)
    {
        var table = await TableAsync(ct);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {RankingScope.Partition(districtId, period)} and RowKey ge {IndicatorsRow} and RowKey lt {"meta}"}");
        IndicatorSet? set = null;
        var metas = new Dictionary<string, (RankingMeta, ETag)>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            if (row.RowKey == IndicatorsRow) set = JsonRows.Read<IndicatorSet>(row);
            else if (row.RowKey.StartsWith(MetaPrefix, StringComparison.Ordinal))
            {
                metas[row.RowKey[MetaPrefix.Length..]] = (Read<RankingMeta>(row), row.ETag);
            }
        }
        return new DistrictRankings(set, metas);
    }

    /// <summary>
    /// Publishes the scopes' new versions, all in the district's partition of <paramref name="period"/>: each part that
    /// the scope's current version neither names nor keeps as retired, then each meta row (its retired parts updated, those
    /// retired for <see cref="RetiredFor"/> at <paramref name="now"/> deleted in its transaction). The transactions that
    /// move no meta row go first, together; those that do follow, one at a time, each on the ETags read. Returns the meta
    /// rows as written; null when another run moved one first (then none of that transaction is written).
    /// </summary>
    public async Task<List<RankingMeta>?> PublishAsync(
        string districtId,
        string period,
        IReadOnlyList<Publication> publications,
        DateTimeOffset now,
        CancellationToken ct = default)
    {
        if (publications.Count == 0) return [];
        var table = await TableAsync(ct);
        var partition = RankingScope.Partition(districtId, period);
        var transactions = new List<Transaction>();
        Transaction Room(int actions, long bytes)
        {
            if (transactions.Count == 0 || transactions[^1].Actions.Count + actions > EntityTransactions.MaxActions
                || transactions[^1].Bytes + bytes > EntityTransactions.MaxPayload)
            {
                transactions.Add(new Transaction());
            }
            return transactions[^1];
        }
        var parts = publications.SelectMany(p =>
        {
            var kept = (p.Current?.Meta.Rows ?? []).Concat(p.Current?.Meta.Retired.Select(r => r.Key) ?? [])
                .ToHashSet(StringComparer.Ordinal);
            return p.Version.Parts.Where(x => !kept.Contains(x.Key)).Select(part => (p.Meta.Scope, Part: part));
        }).ToList();
        // Serialising and compressing the parts is most of a publish's own work: on every processor, in the parts' order.
        var rows = new TableEntity[parts.Count];
        Parallel.For(0, parts.Count, i =>
        {
            var (scope, part) = parts[i];
            var items = part.Items
                ?? throw new InvalidOperationException($"Part {part.Key} of {scope.OrgId} is named only (not in the current version)");
            rows[i] = Row(partition, scope.RowKey(part.Key), items);
        });
        foreach (var row in rows)
        {
            var bytes = EntityTransactions.Bound(row);
            Room(1, bytes).Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, row), bytes, moves: false);
        }
        var written = new List<RankingMeta>();
        foreach (var p in publications)
        {
            var (retired, due) = Retire(p, now);
            var scope = p.Meta.Scope;
            var largest = Row(partition, scope.MetaKey, p.Meta with { Retired = [.. retired, .. due] });
            var bytes = EntityTransactions.Bound(largest);
            // What the new version's event translates to goes with its meta row (the retired parts do not change it).
            var staged = translators.Translate([new RankingPublished(p.Meta)]).Select(m => _outbox.Stage(partition, m.Queue, m.Body))
                .Select(x => (x.Action, x.Entry, Bytes: EntityTransactions.Bound((TableEntity)x.Action.Entity))).ToList();
            var stagedBytes = staged.Sum(x => x.Bytes);
            var transaction = Room(1 + staged.Count, bytes + stagedBytes);
            var room = Math.Min(EntityTransactions.MaxActions - transaction.Actions.Count - 1 - staged.Count,
                (EntityTransactions.MaxPayload - transaction.Bytes - bytes - stagedBytes) / DeleteBound(partition, scope, due));
            var deleted = due.Take((int)Math.Max(0, room)).ToList();
            written.Add(p.Meta with { Retired = [.. retired, .. due.Skip(deleted.Count)] });
            var meta = Row(partition, scope.MetaKey, written[^1]);
            transaction.Add(p.Current is { } c
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, meta, c.ETag)
                : new TableTransactionAction(TableTransactionActionType.Add, meta), bytes, moves: true);
            foreach (var x in staged)
            {
                transaction.Add(x.Action, x.Bytes, moves: true);
                transaction.Staged.Add(x.Entry);
            }
            foreach (var r in deleted)
            {
                transaction.Add(new TableTransactionAction(TableTransactionActionType.Delete,
                    new TableEntity(partition, scope.RowKey(r.Key)), ETag.All), DeleteBound(partition, scope, due), moves: true);
            }
        }
        // The parts first, together: they are invisible until a meta row names them.
        await Parallel.ForEachAsync(
            transactions.Where(t => !t.Moves),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct },
            async (t, token) => await table.SubmitTransactionAsync(t.Actions, token));
        try
        {
            foreach (var t in transactions.Where(t => t.Moves))
            {
                await table.SubmitTransactionAsync(t.Actions, ct);
                await _outbox.DispatchAsync(table, t.Staged, ct);
            }
            return written;
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            return null;
        }
    }

    /// <summary>
    /// The parts a publication leaves retired (those its current version retired, less any the new one names again, and
    /// those the new one stops naming, from <paramref name="now"/>) and those retired long enough to delete.
    /// </summary>
    public static (List<RetiredRow> Retired, List<RetiredRow> Due) Retire(Publication p, DateTimeOffset now)
    {
        var named = p.Version.Parts.Select(x => x.Key).ToHashSet(StringComparer.Ordinal);
        var earlier = (p.Current?.Meta.Retired ?? []).Where(r => !named.Contains(r.Key)).ToList();
        var newly = (p.Current?.Meta.Rows ?? []).Where(k => !named.Contains(k)).Select(k => new RetiredRow(k, now));
        var due = earlier.Where(r => now - r.Since >= RetiredFor).ToList();
        return ([.. earlier.Where(r => now - r.Since < RetiredFor), .. newly], due);
    }

    private static long DeleteBound(string partition, RankingScope scope, List<RetiredRow> due) =>
        EntityTransactions.Bound(new TableEntity(partition, scope.RowKey(due.Count == 0 ? "" : due.MaxBy(r => r.Key.Length)!.Key)));

    private sealed class Transaction
    {
        public List<TableTransactionAction> Actions { get; } = [];

        /// <summary>The outbox rows among <see cref="Actions"/>, sent once the transaction committed.</summary>
        public List<OutboxEntry> Staged { get; } = [];
        public long Bytes { get; private set; }
        public bool Moves { get; private set; }

        public void Add(TableTransactionAction action, long bytes, bool moves)
        {
            Actions.Add(action);
            Bytes += bytes;
            Moves |= moves;
        }
    }

    /// <summary>A district's indicator set for a period (row <c>indicators</c> of its district ranking's partition), if it has one.</summary>
    public async Task<IndicatorSet?> IndicatorSetAsync(string districtId, string period, CancellationToken ct = default) =>
        await FindRowAsync(RankingScope.Partition(districtId, period), IndicatorsRow, ct) is { } row
            ? JsonRows.Read<IndicatorSet>(row)
            : null;

    public async Task PutIndicatorSetAsync(string districtId, IndicatorSet set, CancellationToken ct = default)
    {
        var table = await TableAsync(ct);
        await table.UpsertEntityAsync(JsonRows.Create(RankingScope.Partition(districtId, set.Period), IndicatorsRow, set),
            TableUpdateMode.Replace, ct);
    }

    /// <summary>Asks for a district's run (queue <c>assessment-runs</c>) through the outbox of its ranking's partition.</summary>
    public Task QueueRunAsync(string districtId, string period, CancellationToken ct = default) =>
        CommitAsync(RankingScope.Partition(districtId, period), [],
            [new OutboxMessage(AssessmentRuns.Queue, new AssessmentRuns.RunMessage(districtId, period))], ct);

    /// <summary>The version's lists (of one peer group, or of all in the order of their names), in rank order.</summary>
    public async Task<List<Ranked>> GroupsAsync(RankingMeta meta, string? peerGroup, CancellationToken ct = default)
    {
        var table = await TableAsync(ct);
        var keys = meta.Rows.Where(k => k.StartsWith(peerGroup is null ? "g|" : $"g|{peerGroup}|", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        var chunks = await Task.WhenAll(keys.Select(async key =>
            (await table.GetEntityAsync<TableEntity>(meta.Scope.Partition(meta.Period), meta.Scope.RowKey(key), cancellationToken: ct))
            .Value));
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
            meta.Scope.RowKey(buckets[RankingVersion.Bucket(orgId, buckets.Count)]),
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
