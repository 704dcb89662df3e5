using Azure;
using Azure.Data.Tables;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.PartyMembers;

/// <summary>
/// One attempt at changing a member's ledger: reads their standings and month totals (remembering each row's ETag), takes
/// the steps of <see cref="Ledger"/>, and commits them in one transaction — every row replaced on the ETag it was read with.
/// </summary>
public sealed class LedgerSession
{
    private readonly TableClient _table;
    private readonly string _userId;
    private readonly Dictionary<string, (SourceStanding? Standing, ETag? ETag, bool Changed)> _standings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (MonthTotals Totals, ETag? ETag, bool Changed)> _months = new(StringComparer.Ordinal);
    private readonly List<PointsEntry> _entries = [];

    internal LedgerSession(TableClient table, string userId) => (_table, _userId) = (table, userId);

    /// <summary>The entries this attempt adds.</summary>
    public IReadOnlyList<PointsEntry> Entries => _entries;

    public async Task<SourceStanding?> StandingAsync(PointsSource source, string sourceId, CancellationToken ct)
    {
        var key = LedgerStore.StandingRow(source, sourceId);
        if (_standings.TryGetValue(key, out var known)) return known.Standing;
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(_userId, key, cancellationToken: ct);
        var read = row.HasValue && row.Value is { } e ? (JsonRows.Read<SourceStanding>(e), (ETag?)e.ETag) : (null, null);
        _standings[key] = (read.Item1, read.Item2, false);
        return read.Item1;
    }

    public async Task<MonthTotals> MonthAsync(string month, CancellationToken ct)
    {
        var key = LedgerStore.MonthRow(month);
        if (_months.TryGetValue(key, out var known)) return known.Totals;
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(_userId, key, cancellationToken: ct);
        var read = row.HasValue && row.Value is { } e ? (JsonRows.Read<MonthTotals>(e), (ETag?)e.ETag) : (MonthTotals.Empty(month), null);
        _months[key] = (read.Item1, read.Item2, false);
        return read.Item1;
    }

    /// <summary>Takes a step: its standing, and (when it adds an entry) the entry and its month's totals, to be committed.</summary>
    public void Apply(Ledger.Step step)
    {
        var key = LedgerStore.StandingRow(step.Standing.Source, step.Standing.SourceId);
        _standings[key] = (step.Standing, _standings.TryGetValue(key, out var s) ? s.ETag : null, true);
        if (step.Entry is not { } entry) return;
        _entries.Add(entry);
        var month = LedgerStore.MonthRow(step.Month.Month);
        _months[month] = (step.Month, _months.TryGetValue(month, out var m) ? m.ETag : null, true);
    }

    /// <summary>Commits what the steps changed in one transaction; a lost race is the 409/412 the caller runs again on.</summary>
    public async Task CommitAsync(CancellationToken ct)
    {
        var rows = new List<TableTransactionAction>();
        foreach (var (key, (standing, etag, changed)) in _standings.Where(s => s.Value.Changed))
        {
            rows.Add(Write(JsonRows.Create(_userId, key, standing), etag));
        }
        foreach (var (key, (totals, etag, changed)) in _months.Where(m => m.Value.Changed))
        {
            rows.Add(Write(JsonRows.Create(_userId, key, totals), etag));
        }
        rows.AddRange(_entries.Select(e => new TableTransactionAction(TableTransactionActionType.Add,
            JsonRows.Create(_userId, LedgerStore.EntryRow(e), e))));
        if (rows.Count > 0) await _table.SubmitTransactionAsync(rows, ct);
    }

    private static TableTransactionAction Write(TableEntity entity, ETag? etag) => etag is { } e
        ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, e)
        : new TableTransactionAction(TableTransactionActionType.Add, entity);
}
