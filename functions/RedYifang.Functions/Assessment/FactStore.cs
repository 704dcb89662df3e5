using Azure.Data.Tables;
using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Assessment;

/// <summary>
/// Table <c>AssessmentFacts</c>, one partition per month in China Standard Time and district (<c>2026-11|{districtId}</c>):
/// a <c>fact|{orgId}|{factId}</c> row per fact and a <c>totals|{orgId}</c> row per organisation. Recording a fact is
/// one transaction: add the fact (a duplicate fails the batch, so it counts once) and replace the totals on their
/// ETag. A ranking run reads one <c>totals|</c> range per month of its period in its district's partitions — never
/// another district's rows, never the facts; and no district's writes share a partition with another's.
/// </summary>
public sealed class FactStore(Platform.Storage.Tables tables, KeptTotals kept)
{
    public const string TableName = "AssessmentFacts";

    public static string MonthOf(DateTimeOffset instant) => ChinaTime.Month(instant);

    public async Task RecordAsync(Fact fact, CancellationToken ct = default)
    {
        if (fact.DistrictId.Length == 0) throw new ArgumentException($"Fact {fact.Id} names no district.", nameof(fact));
        var table = await tables.GetAsync(TableName, ct);
        var partition = Partition(MonthOf(fact.At), fact.DistrictId);
        await RunningTotals.RecordAsync<Totals>(table, JsonRows.Create(partition, FactRow(fact.OrgId, fact.Id), fact),
            TotalsRow(fact.OrgId), before => (before ?? Totals.Empty).Add(fact), ct);
    }

    /// <summary>
    /// The totals of every organisation of one district over the months of a period, with the evaluations of periods within it
    /// only (<see cref="Totals.Within"/>).
    /// </summary>
    public async Task<Dictionary<string, Totals>> TotalsAsync(Period period, string districtId, CancellationToken ct = default) =>
        await ReadTotalsAsync(period, districtId, ct);

    /// <summary>
    /// The totals as <see cref="TotalsAsync"/> reads them, and each organisation's stamp: the ETags of its rows, month by
    /// month. Every write of a row moves its ETag, so an unchanged stamp means unchanged totals. Unless
    /// <paramref name="inFull"/>, a month read before in this process is read only for its rows written since
    /// (<see cref="KeptTotals"/>).
    /// </summary>
    public async Task<(Dictionary<string, Totals> Totals, Dictionary<string, string> Stamps)> StampedTotalsAsync(
        Period period,
        string districtId,
        bool inFull,
        CancellationToken ct = default)
    {
        var table = await tables.GetAsync(TableName, ct);
        var months = await Task.WhenAll(Months(period).Select(async month =>
        {
            var partition = Partition(month, districtId);
            var before = inFull ? null : kept.Usable(partition);
            var rows = new List<KeptTotals.Row>();
            await foreach (var e in table.QueryAsync<TableEntity>(TotalsFilter(partition, before?.Since), cancellationToken: ct))
            {
                rows.Add(new KeptTotals.Row(e.RowKey[TotalsPrefix.Length..], JsonRows.Read<Totals>(e), e.ETag.ToString(), e.Timestamp));
            }
            var now = kept.Now;
            var after = before is null ? KeptTotals.Month.Read(rows, now) : before.With(rows, now);
            kept.Keep(partition, after);
            return (month, after);
        }));
        var sum = new Dictionary<string, Totals>(StringComparer.Ordinal);
        var stamps = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (month, rows) in months)
        {
            foreach (var (org, row) in rows.Rows)
            {
                var totals = row.Totals.Within(period);
                sum[org] = sum.TryGetValue(org, out var t) ? t.Plus(totals) : totals;
                var stamp = $"{month}:{row.ETag}";
                stamps[org] = stamps.TryGetValue(org, out var s) ? $"{s}|{stamp}" : stamp;
            }
        }
        return (sum, stamps);
    }

    private const string TotalsPrefix = "totals|";

    /// <summary>A partition's <c>totals|</c> rows, or only those written at or after <paramref name="since"/>.</summary>
    private static string TotalsFilter(string partition, DateTimeOffset? since) => since is { } t
        ? TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey gt {TotalsPrefix} and RowKey lt {"totals}"} and Timestamp ge {t}")
        : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {TotalsPrefix} and RowKey lt {"totals}"}");

    private async Task<Dictionary<string, Totals>> ReadTotalsAsync(Period period, string districtId, CancellationToken ct)
    {
        var table = await tables.GetAsync(TableName, ct);
        var perMonth = await Task.WhenAll(Months(period).Select(async month =>
        {
            var rows = new List<(string, Totals)>();
            await foreach (var e in table.QueryAsync<TableEntity>(TotalsFilter(Partition(month, districtId), null), cancellationToken: ct))
            {
                rows.Add((e.RowKey[TotalsPrefix.Length..], JsonRows.Read<Totals>(e).Within(period)));
            }
            return rows;
        }));
        var sum = new Dictionary<string, Totals>(StringComparer.Ordinal);
        foreach (var (org, totals) in perMonth.SelectMany(x => x)) sum[org] = sum.TryGetValue(org, out var t) ? t.Plus(totals) : totals;
        return sum;
    }

    /// <summary>The facts of one organisation (of the given district) in a period, oldest first.</summary>
    public async Task<List<Fact>> FactsAsync(Period period, string districtId, string orgId, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(TableName, ct);
        var facts = new List<Fact>();
        var prefix = $"fact|{orgId}|";
        foreach (var month in Months(period))
        {
            var filter = TableClient.CreateQueryFilter(
                $"PartitionKey eq {Partition(month, districtId)} and RowKey gt {prefix} and RowKey lt {prefix + "~"}");
            await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: ct)) facts.Add(JsonRows.Read<Fact>(e));
        }
        return facts.OrderBy(f => f.At).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>A district's totals recomputed from every fact of the period (the check on the running totals).</summary>
    public async Task<Dictionary<string, Totals>> RebuildAsync(Period period, string districtId, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(TableName, ct);
        var sum = new Dictionary<string, Totals>(StringComparer.Ordinal);
        foreach (var month in Months(period))
        {
            var filter = TableClient.CreateQueryFilter(
                $"PartitionKey eq {Partition(month, districtId)} and RowKey gt {"fact|"} and RowKey lt {"fact}"}");
            await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            {
                var fact = JsonRows.Read<Fact>(e);
                sum[fact.OrgId] = (sum.TryGetValue(fact.OrgId, out var t) ? t : Totals.Empty).Add(fact).Within(period);
            }
        }
        return sum;
    }

    public static IEnumerable<string> Months(Period period)
    {
        for (var m = period.Start; m < period.End; m = m.AddMonths(1)) yield return ChinaTime.Month(m);
    }

    private static string Partition(string month, string districtId) => $"{month}|{districtId}";

    private static string TotalsRow(string orgId) => $"totals|{orgId}";

    private static string FactRow(string orgId, string factId) => $"fact|{orgId}|{factId}";


}
