using Azure.Data.Tables;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Evaluations;

/// <summary>
/// Table <c>Evaluations</c>, one partition per district (both organisations of a pair are in it), so every change is one
/// entity-group transaction:
/// <list type="bullet">
/// <item><c>eval|{period}|{evaluatorId}|{subjectId}</c> — the evaluation (JSON document): the pair and period are its key, so a
/// second evaluation of the pair in the period fails its batch — however many arrive at once, one is written;</item>
/// <item><c>subject|{period}|{subjectId}|{evaluatorId}</c> — a copy under the organisation evaluated: what it received;</item>
/// <item><c>window|{period}</c> — the period's window: merged with every evaluation (so its ETag moves), and closed once, on the
/// ETag the closer read, with what closing translates to — an evaluation written after the closer read makes it read again;</item>
/// <item><c>outbox|…</c> — what a change's events translate to, staged with it (<see cref="OutboxStore"/>).</item>
/// </list>
/// </summary>
public sealed class EvaluationStore(Tables tables, Outbox outbox, EventTranslators translators) : OutboxStore(tables, outbox, TableName)
{
    public const string TableName = "Evaluations";

    /// <summary>Writes a new evaluation, its copy and its window's mark with what its event translates to; a pair evaluated already is 409.</summary>
    public async Task AddAsync(Evaluation evaluation, CancellationToken ct = default)
    {
        var e = evaluation;
        List<TableTransactionAction> rows =
        [
            new(TableTransactionActionType.Add, Entity(e, EvaluationRow(e.Period, e.EvaluatorOrgId, e.SubjectOrgId))),
            new(TableTransactionActionType.Add, Entity(e, SubjectRow(e.Period, e.SubjectOrgId, e.EvaluatorOrgId))),
            new(TableTransactionActionType.UpsertMerge, new TableEntity(e.DistrictId, WindowRow(e.Period)) { ["Period"] = e.Period }),
        ];
        try
        {
            await CommitAsync(e.DistrictId, rows, translators.Translate([new EvaluationEvent.Recorded(e)]), ct);
        }
        catch (ConflictException)
        {
            // Only the two adds can fail (the window's merge never does): the pair has its evaluation for the period.
            throw EvaluationProblems.Exists(e.Period);
        }
    }

    public async Task<Evaluation?> FindAsync(string districtId, string period, string evaluatorId, string subjectId,
        CancellationToken ct = default) =>
        await FindRowAsync(districtId, EvaluationRow(period, evaluatorId, subjectId), ct) is { } row ? Read(row) : null;

    /// <summary>A page of what an organisation received in a period, by evaluator id.</summary>
    public async Task<ListPage<Evaluation>> ListAboutAsync(string districtId, string period, string subjectId, Paging paging,
        CancellationToken ct = default) =>
        await TablePages.ReadAsync(await TableAsync(ct), Range(districtId, $"subject|{period}|{subjectId}|"), paging, Read, ct: ct);

    /// <summary>A page of what an organisation gave in a period, by subject id.</summary>
    public async Task<ListPage<Evaluation>> ListGivenAsync(string districtId, string period, string evaluatorId, Paging paging,
        CancellationToken ct = default) =>
        await TablePages.ReadAsync(await TableAsync(ct), Range(districtId, $"eval|{period}|{evaluatorId}|"), paging, Read, ct: ct);

    /// <summary>Everything an organisation received in a period (one range).</summary>
    public Task<List<Evaluation>> AllAboutAsync(string districtId, string period, string subjectId, CancellationToken ct = default) =>
        AllAsync(districtId, $"subject|{period}|{subjectId}|", ct);

    /// <summary>Every evaluation of a period in the district (one range), for summing up its window.</summary>
    public Task<List<Evaluation>> AllInPeriodAsync(string districtId, string period, CancellationToken ct = default) =>
        AllAsync(districtId, $"subject|{period}|", ct);

    /// <summary>The district's windows that took evaluations and are not summed up yet.</summary>
    public async Task<List<StoredWindow>> OpenWindowsAsync(string districtId, CancellationToken ct = default)
    {
        var table = await TableAsync(ct);
        var windows = new List<StoredWindow>();
        await foreach (var row in table.QueryAsync<TableEntity>(Range(districtId, "window|"), cancellationToken: ct))
        {
            var window = new StoredWindow(districtId, row.GetString("Period"), row.GetDateTimeOffset("ClosedAt"), row.ETag);
            if (window.ClosedAt is null) windows.Add(window);
        }
        return windows;
    }

    /// <summary>
    /// Marks the window summed up, on the ETag read, with what closing translates to; a window that changed since (an evaluation
    /// written meanwhile, or another closer first) is <c>ConflictException</c> and writes nothing.
    /// </summary>
    public async Task CloseAsync(StoredWindow window, EvaluationEvent.WindowClosed closed, CancellationToken ct = default)
    {
        var row = new TableEntity(window.DistrictId, WindowRow(window.Period))
        {
            ["Period"] = window.Period, ["ClosedAt"] = closed.At, ["Evaluations"] = closed.Evaluations,
            ["Subjects"] = closed.Subjects.Count,
        };
        await CommitAsync(window.DistrictId, [new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, window.ETag)],
            translators.Translate([closed]), ct);
    }

    /// <summary>
    /// Changes an evaluation's screening (ContentSecurity's decision) on both its rows, on the ETags read, with what the change's
    /// events translate to, in one transaction (two rows and an outbox row per event, all in the district's partition); false
    /// when there is no such evaluation. A row changed meanwhile is a lost race (412), for the caller to read again.
    /// </summary>
    public async Task<bool> UpdateModerationAsync(string districtId, string period, string evaluatorId, string subjectId,
        Func<Evaluation, EvaluationChange?> change, CancellationToken ct = default)
    {
        var row = await FindRowAsync(districtId, EvaluationRow(period, evaluatorId, subjectId), ct);
        var copy = await FindRowAsync(districtId, SubjectRow(period, subjectId, evaluatorId), ct);
        if (row is null || copy is null) return false;
        if (change(Read(row)) is not { } changed) return true;
        var after = changed.Evaluation;
        try
        {
            await CommitAsync(districtId,
            [
                new TableTransactionAction(TableTransactionActionType.UpdateReplace, Entity(after, row.RowKey), row.ETag),
                new TableTransactionAction(TableTransactionActionType.UpdateReplace, Entity(after, copy.RowKey), copy.ETag),
            ], translators.Translate(changed.Events), ct);
        }
        catch (ConflictException)
        {
            throw ConcurrentUpdate.LostRace();
        }
        return true;
    }

    private async Task<List<Evaluation>> AllAsync(string districtId, string prefix, CancellationToken ct)
    {
        var table = await TableAsync(ct);
        var all = new List<Evaluation>();
        await foreach (var row in table.QueryAsync<TableEntity>(Range(districtId, prefix), cancellationToken: ct)) all.Add(Read(row));
        return all;
    }

    private static string Range(string districtId, string prefix) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {districtId} and RowKey gt {prefix} and RowKey lt {prefix + "~"}");

    private static string EvaluationRow(string period, string evaluatorId, string subjectId) => $"eval|{period}|{evaluatorId}|{subjectId}";

    private static string SubjectRow(string period, string subjectId, string evaluatorId) => $"subject|{period}|{subjectId}|{evaluatorId}";

    private static string WindowRow(string period) => $"window|{period}";

    private static TableEntity Entity(Evaluation e, string rowKey)
    {
        var entity = JsonRows.Create(e.DistrictId, rowKey, e);
        entity["EvaluatorOrgId"] = e.EvaluatorOrgId;
        entity["SubjectOrgId"] = e.SubjectOrgId;
        return entity;
    }

    private static Evaluation Read(TableEntity e) => JsonRows.Read<Evaluation>(e);
}
