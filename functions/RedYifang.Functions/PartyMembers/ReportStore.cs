using Azure.Data.Tables;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.PartyMembers;

/// <summary>
/// Table <c>PartyMemberReports</c>, one partition per district (the report id carries it), so every change is one
/// entity-group transaction:
/// <list type="bullet">
/// <item><c>report|{id}</c> — the report (JSON document plus State, CommunityId, UserId columns);</item>
/// <item><c>community|{communityId}|{id}</c> — a copy under its community: a community's reports are one range;</item>
/// <item><c>guard|{communityId}|{userId}</c> — the user's latest report there and its state (<see cref="ReportGuard"/>): added
/// or replaced on its ETag with each new report, so two reports at once cannot both be pending; the approved ones are the
/// community's members (one range);</item>
/// <item><c>outbox|…</c> — what the change's events translate to, staged with it (<see cref="OutboxStore"/>).</item>
/// </list>
/// Table <c>PartyMemberIndex</c> holds pointers across districts, written before the report (a pointer whose report was never
/// written, or no longer fits, is dropped on read): <c>user|{userId}</c> / <c>{reportId}</c> (a user's own reports) and
/// <c>unit|{workUnitId}</c> / <c>{reportId}</c> (the members a unit employs).
/// </summary>
public sealed class ReportStore(Tables tables, Outbox outbox, EventTranslators translators) : OutboxStore(tables, outbox, TableName)
{
    public const string TableName = "PartyMemberReports";
    public const string IndexTableName = "PartyMemberIndex";
    private readonly Tables _tables = tables;

    public static string? DistrictOf(string reportId) => Keys.ParentOf(reportId, "org");

    public async Task<StoredReport?> FindAsync(string id, CancellationToken ct = default)
    {
        if (DistrictOf(id) is not { } district) return null;
        return await FindRowAsync(district, ReportRow(id), ct) is { } e ? new StoredReport(Read(e), e.ETag) : null;
    }

    public async Task<ReportGuard?> GuardAsync(string districtId, string communityId, string userId, CancellationToken ct = default) =>
        await FindRowAsync(districtId, GuardRow(communityId, userId), ct) is { } e ? ReadGuard(e) : null;

    /// <summary>
    /// Writes a new report, its copy and the user's guard row for the community (added, or replaced on the ETag of the
    /// <paramref name="guard"/> read), with what its events translate to. A report written meanwhile by the same user to the
    /// same community makes this one 409 <c>report_pending</c> (or <c>already_member</c>) and writes nothing.
    /// </summary>
    public async Task AddAsync(ReportChange change, ReportGuard? guard, CancellationToken ct = default)
    {
        var report = change.Report;
        var index = await _tables.GetAsync(IndexTableName, ct);
        await index.UpsertEntityAsync(new TableEntity(UserPartition(report.UserId), report.Id), TableUpdateMode.Replace, ct);
        if (report.WorkUnitId is { } unit)
        {
            await index.UpsertEntityAsync(new TableEntity(UnitPartition(unit), report.Id), TableUpdateMode.Replace, ct);
        }
        var guardRow = Guard(report);
        List<TableTransactionAction> rows =
        [
            new(TableTransactionActionType.Add, Entity(report, ReportRow(report.Id))),
            new(TableTransactionActionType.Add, Entity(report, CommunityRow(report.CommunityId, report.Id))),
            guard is null
                ? new(TableTransactionActionType.Add, guardRow)
                : new(TableTransactionActionType.UpdateReplace, guardRow, guard.ETag),
        ];
        try
        {
            await CommitAsync(report.DistrictId, rows, translators.Translate(change.Events), ct);
        }
        catch (ConflictException)
        {
            var now = await GuardAsync(report.DistrictId, report.CommunityId, report.UserId, ct);
            throw now switch
            {
                { State: ReportState.Pending } => PartyMemberProblems.ReportPending(now.ReportId),
                { State: ReportState.Approved } => PartyMemberProblems.AlreadyMember(now.ReportId),
                _ => Problems.Conflict(),
            };
        }
    }

    /// <summary>
    /// Replaces the report if nobody changed it since <paramref name="before"/> was read, with its copy, its guard row and what
    /// the change's events translate to; a lost race is <c>ConflictException</c> and writes nothing.
    /// </summary>
    public async Task UpdateAsync(StoredReport before, ReportChange change, CancellationToken ct = default)
    {
        var report = change.Report;
        List<TableTransactionAction> rows =
        [
            new(TableTransactionActionType.UpdateReplace, Entity(report, ReportRow(report.Id)), before.ETag),
            new(TableTransactionActionType.UpsertReplace, Entity(report, CommunityRow(report.CommunityId, report.Id))),
            new(TableTransactionActionType.UpsertReplace, Guard(report)),
        ];
        await CommitAsync(report.DistrictId, rows, translators.Translate(change.Events), ct);
    }

    /// <summary>A page of a community's reports (optionally in one state), oldest first.</summary>
    public async Task<ListPage<PartyMemberReport>> ListCommunityAsync(string districtId, string communityId, ReportState? state,
        Paging paging, CancellationToken ct = default)
    {
        var prefix = $"community|{communityId}|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {districtId} and RowKey gt {prefix} and RowKey lt {prefix + "~"}");
        if (state is { } s) filter += " and " + TableClient.CreateQueryFilter($"State eq {EnumText.ToText(s)}");
        return await TablePages.ReadAsync(await TableAsync(ct), filter, paging, Read, ct: ct);
    }

    /// <summary>A page of the user's own reports (optionally in one community and state), oldest first.</summary>
    public async Task<ListPage<PartyMemberReport>> ListMineAsync(string userId, string? communityId, ReportState? state, Paging paging,
        CancellationToken ct = default)
    {
        var index = await _tables.GetAsync(IndexTableName, ct);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {UserPartition(userId)}");
        return await TablePages.ResolveAsync(index, filter, paging, LoadAsync,
            r => r.UserId == userId && (communityId is null || r.CommunityId == communityId) && (state is null || r.State == state), ct);
    }

    /// <summary>Every report of the user (the ledger's readers are the admins over their communities).</summary>
    public async Task<List<PartyMemberReport>> OfUserAsync(string userId, CancellationToken ct = default) =>
        await AllAsync(UserPartition(userId), r => r.UserId == userId, ct);

    /// <summary>The approved reports naming the unit as the member's employer: the members it answers for (双岗双责).</summary>
    public async Task<List<PartyMemberReport>> MembersEmployedByAsync(string unitId, CancellationToken ct = default) =>
        await AllAsync(UnitPartition(unitId), r => r.WorkUnitId == unitId && r.State == ReportState.Approved, ct);

    /// <summary>The community's members: the users whose latest report there is approved (one range of its district).</summary>
    public async Task<List<ReportGuard>> MembersAsync(string districtId, string communityId, CancellationToken ct = default)
    {
        var prefix = $"guard|{communityId}|";
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {districtId} and RowKey gt {prefix} and RowKey lt {prefix + "~"} and State eq {"approved"}");
        var members = new List<ReportGuard>();
        var table = await TableAsync(ct);
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct)) members.Add(ReadGuard(row));
        return members;
    }

    private async Task<List<PartyMemberReport>> AllAsync(string partition, Func<PartyMemberReport, bool> fits, CancellationToken ct)
    {
        var index = await _tables.GetAsync(IndexTableName, ct);
        var ids = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        await foreach (var row in index.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: ct)) ids.Add(row.RowKey);
        var found = await Task.WhenAll(ids.Select(LoadAsync));
        return [.. found.OfType<PartyMemberReport>().Where(fits)];
    }

    private async Task<PartyMemberReport?> LoadAsync(string id) => (await FindAsync(id))?.Report;

    private static string ReportRow(string id) => $"report|{id}";

    private static string CommunityRow(string communityId, string id) => $"community|{communityId}|{id}";

    private static string GuardRow(string communityId, string userId) => $"guard|{communityId}|{userId}";

    private static string UserPartition(string userId) =>
        Keys.IsWellFormedId(userId) ? $"user|{userId}" : throw new ArgumentException($"Not an id: {userId}.", nameof(userId));

    private static string UnitPartition(string unitId) =>
        Keys.IsWellFormedId(unitId) ? $"unit|{unitId}" : throw new ArgumentException($"Not an id: {unitId}.", nameof(unitId));

    private static TableEntity Entity(PartyMemberReport report, string rowKey)
    {
        var entity = JsonRows.Create(report.DistrictId, rowKey, report);
        entity["State"] = EnumText.ToText(report.State);
        entity["CommunityId"] = report.CommunityId;
        entity["UserId"] = report.UserId;
        return entity;
    }

    private static TableEntity Guard(PartyMemberReport report) => new(report.DistrictId, GuardRow(report.CommunityId, report.UserId))
    {
        ["UserId"] = report.UserId,
        ["ReportId"] = report.Id,
        ["State"] = EnumText.ToText(report.State),
    };

    private static ReportGuard ReadGuard(TableEntity e) =>
        new(e.GetString("UserId"), e.GetString("ReportId"), EnumText.Parse<ReportState>(e.GetString("State")), e.ETag);

    private static PartyMemberReport Read(TableEntity e) => JsonRows.Read<PartyMemberReport>(e);
}
