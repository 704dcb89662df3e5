using Azure.Data.Tables;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.PartyMembers;

/// <summary>
/// Table <c>PartyMemberLedger</c>, one partition per member (their user id), so an award is one entity-group transaction:
/// <list type="bullet">
/// <item><c>entry|{month}|{id}</c> — an entry (<see cref="PointsEntry"/>), added once, never changed: a month's entries, or a
/// period's, are one range, oldest first;</item>
/// <item><c>source|{source}|{sourceId}</c> — the member's standing with the source (<see cref="SourceStanding"/>), replaced on its
/// ETag by every decision that changes it;</item>
/// <item><c>month|{month}</c> — the month's totals (<see cref="MonthTotals"/>), replaced on its ETag with every entry of the month.</item>
/// </list>
/// Two decisions for one member at once both read the same standing and totals; the second to commit loses on an ETag and
/// is run again (<see cref="ConcurrentUpdate"/>), so no cap is passed and no award is given twice.
/// </summary>
public sealed class LedgerStore(Tables tables)
{
    public const string TableName = "PartyMemberLedger";

    public async Task<LedgerSession> OpenAsync(string userId, CancellationToken ct = default) =>
        Keys.IsWellFormedId(userId)
            ? new LedgerSession(await tables.GetAsync(TableName, ct), userId)
            : throw new ArgumentException($"Not an id: {userId}.", nameof(userId));

    /// <summary>A page of the member's entries counting toward the months from <paramref name="first"/> to <paramref name="last"/> (all when null).</summary>
    public async Task<ListPage<PointsEntry>> EntriesAsync(string userId, string? first, string? last, Paging paging,
        CancellationToken ct = default)
    {
        var table = await tables.GetAsync(TableName, ct);
        var (from, until) = (first is null ? "entry|" : $"entry|{first}|", last is null ? "entry}" : $"entry|{last}|~");
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {userId} and RowKey ge {from} and RowKey lt {until}");
        return await TablePages.ReadAsync(table, filter, paging, JsonRows.Read<PointsEntry>, ct: ct);
    }

    /// <summary>The member's totals for each month from <paramref name="first"/> to <paramref name="last"/> that has any (all when null).</summary>
    public async Task<List<MonthTotals>> MonthsAsync(string userId, string? first, string? last, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(TableName, ct);
        var (from, until) = (first is null ? "month|" : $"month|{first}", last is null ? "month}" : $"month|{last}~");
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {userId} and RowKey ge {from} and RowKey lt {until}");
        var months = new List<MonthTotals>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct)) months.Add(JsonRows.Read<MonthTotals>(row));
        return months;
    }

    internal static string EntryRow(PointsEntry entry) => $"entry|{entry.Month}|{entry.Id}";

    internal static string StandingRow(PointsSource source, string sourceId) =>
        Keys.IsWellFormedId(sourceId)
            ? $"source|{EnumText.ToText(source)}|{sourceId}"
            : throw new ArgumentException($"Not an id: {sourceId}.", nameof(sourceId));

    internal static string MonthRow(string month) => $"month|{month}";
}
