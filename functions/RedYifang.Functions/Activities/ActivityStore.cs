using System.Globalization;
using Azure.Data.Tables;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Activities;

/// <summary>
/// Table <c>Activities</c>, one partition per district (the activity id carries it), so every change is one entity-group
/// transaction:
/// <list type="bullet">
/// <item><c>activity|{id}</c> — the activity (JSON document, its check-in secret included, plus State and OrganiserOrgId);</item>
/// <item><c>scope|{orgId}|{startsAt}|{id}</c> — a copy under each organisation on the organiser's path, ordered by the start
/// (UTC): an organisation's activities between two instants are one range;</item>
/// <item><c>count|{id}</c> — how many have checked in, replaced on its ETag in the same transaction as each new check-in, so
/// the capacity holds however many check in at once;</item>
/// <item><c>att|{id}|{userId}</c> — one attendance record per person (<see cref="Attendance"/>), added once (a second add of
/// the same key fails the transaction), replaced on its ETag when reviewed;</item>
/// <item><c>evd|{id}|{evidenceId}</c> — the activity's verified evidence, as Evidence announced it
/// (<see cref="RecordActivityEvidence"/>);</item>
/// <item><c>outbox|…</c> — what a change's events translate to, staged with it (<see cref="OutboxStore"/>).</item>
/// </list>
/// </summary>
public sealed class ActivityStore(Tables tables, Outbox outbox, EventTranslators translators) : OutboxStore(tables, outbox, TableName)
{
    public const string TableName = "Activities";

    public static string? DistrictOf(string activityId) => Keys.ParentOf(activityId, "org");

    public async Task<StoredActivity?> FindAsync(string id, CancellationToken ct = default)
    {
        if (DistrictOf(id) is not { } district) return null;
        return await FindRowAsync(district, ActivityRow(id), ct) is { } e ? new StoredActivity(Read(e), e.ETag) : null;
    }

    /// <summary>Writes a new activity and its copies with what its events translate to.</summary>
    public async Task AddAsync(ActivityChange change, CancellationToken ct = default)
    {
        var activity = change.Activity;
        List<TableTransactionAction> rows = [new(TableTransactionActionType.Add, Entity(activity, ActivityRow(activity.Id)))];
        rows.AddRange(activity.OrganiserPath.Select(s => new TableTransactionAction(TableTransactionActionType.Add,
            Entity(activity, ScopeRow(s, activity.StartsAt, activity.Id)))));
        await CommitAsync(activity.DistrictId, rows, translators.Translate(change.Events), ct);
    }

    /// <summary>
    /// Replaces the activity if nobody changed it since <paramref name="before"/> was read, with its copies and what the
    /// change's events translate to; a lost race is <c>ConflictException</c> and writes nothing.
    /// </summary>
    public async Task UpdateAsync(StoredActivity before, ActivityChange change, CancellationToken ct = default)
    {
        var after = change.Activity;
        List<TableTransactionAction> rows =
        [
            new(TableTransactionActionType.UpdateReplace, Entity(after, ActivityRow(after.Id)), before.ETag),
            .. after.OrganiserPath.Select(s => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                Entity(after, ScopeRow(s, after.StartsAt, after.Id)))),
        ];
        await CommitAsync(after.DistrictId, rows, translators.Translate(change.Events), ct);
    }

    /// <summary>A page of the activities organised by the organisation or one under it, starting in [from, to), earliest first.</summary>
    public async Task<ListPage<Activity>> ListScopeAsync(string districtId, string orgId, DateTimeOffset? from, DateTimeOffset? to,
        Paging paging, CancellationToken ct = default)
    {
        var prefix = $"scope|{orgId}|";
        var (low, high) = (from is { } f ? prefix + Instant(f) : prefix, to is { } t ? prefix + Instant(t) : prefix + "~");
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {districtId} and RowKey ge {low} and RowKey lt {high}");
        return await TablePages.ReadAsync(await TableAsync(ct), filter, paging, Read, ct: ct);
    }

    /// <summary>How many have checked in.</summary>
    public async Task<int> CheckedInAsync(Activity activity, CancellationToken ct = default) =>
        (await FindRowAsync(activity.DistrictId, CountRow(activity.Id), ct))?.GetInt32("Count") ?? 0;

    public async Task<StoredAttendance?> FindAttendanceAsync(Activity activity, string userId, CancellationToken ct = default) =>
        await FindRowAsync(activity.DistrictId, AttendanceRow(activity.Id, userId), ct) is { } e
            ? new StoredAttendance(JsonRows.Read<Attendance>(e), e.ETag)
            : null;

    /// <summary>A page of the activity's attendance records, by user id.</summary>
    public async Task<ListPage<Attendance>> ListAttendanceAsync(Activity activity, Paging paging, CancellationToken ct = default)
    {
        var prefix = $"att|{activity.Id}|";
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {activity.DistrictId} and RowKey gt {prefix} and RowKey lt {prefix + "~"}");
        return await TablePages.ReadAsync(await TableAsync(ct), filter, paging, JsonRows.Read<Attendance>, ct: ct);
    }

    /// <summary>
    /// Checks the user in: their record is added together with the check-in counter, moved on the ETag it was read with, in
    /// one transaction. Whoever loses a race (the counter moved, or the same person's record was added meanwhile) tries again
    /// from the reads: a person checked in already gets their record back (<c>Created</c> false); when the counter has reached
    /// the capacity the answer is <c>activity_full</c>. So N places are taken by exactly N people, and one person holds one.
    /// </summary>
    public async Task<(Attendance Attendance, bool Created)> CheckInAsync(Activity activity, string userId, DateTimeOffset at,
        CancellationToken ct = default)
    {
        var table = await TableAsync(ct);
        return await ConcurrentUpdate.RunAsync(async token =>
        {
            if (await FindAttendanceAsync(activity, userId, token) is { } existing) return (existing.Attendance, false);
            var counter = await FindRowAsync(activity.DistrictId, CountRow(activity.Id), token);
            var count = counter?.GetInt32("Count") ?? 0;
            if (!activity.HasPlaceAfter(count)) throw ActivityProblems.Full(activity.Capacity!.Value);
            var record = Attendance.CheckIn(activity.Id, userId, at);
            var next = new TableEntity(activity.DistrictId, CountRow(activity.Id)) { ["Count"] = count + 1 };
            await table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, AttendanceEntity(activity, record)),
                counter is null
                    ? new TableTransactionAction(TableTransactionActionType.Add, next)
                    : new TableTransactionAction(TableTransactionActionType.UpdateReplace, next, counter.ETag),
            ], token);
            return (record, true);
        }, ct);
    }

    /// <summary>Adds a back-filled record with what its events translate to; a record of the same person already there is 409.</summary>
    public Task AddAttendanceAsync(Activity activity, Attendance record, IReadOnlyList<IDomainEvent> events,
        CancellationToken ct = default) =>
        CommitAsync(activity.DistrictId, [new TableTransactionAction(TableTransactionActionType.Add, AttendanceEntity(activity, record))],
            translators.Translate(events), ct);

    /// <summary>Replaces a record on the ETag it was read with, with what the change's events translate to (409 if it moved).</summary>
    public Task UpdateAttendanceAsync(Activity activity, StoredAttendance before, Attendance after, IReadOnlyList<IDomainEvent> events,
        CancellationToken ct = default) =>
        CommitAsync(activity.DistrictId,
            [new TableTransactionAction(TableTransactionActionType.UpdateReplace, AttendanceEntity(activity, after), before.ETag)],
            translators.Translate(events), ct);

    /// <summary>Notes a verified piece of evidence of the activity (idempotent: keyed by the evidence id).</summary>
    public async Task RecordEvidenceAsync(string districtId, string activityId, string evidenceId, DateTimeOffset verifiedAt,
        CancellationToken ct = default)
    {
        var table = await TableAsync(ct);
        await table.UpsertEntityAsync(new TableEntity(districtId, EvidenceRow(activityId, evidenceId)) { ["VerifiedAt"] = verifiedAt },
            TableUpdateMode.Replace, ct);
    }

    /// <summary>How many verified pieces of evidence the activity has, counting at most <paramref name="atMost"/>.</summary>
    public async Task<int> VerifiedEvidenceAsync(Activity activity, int atMost, CancellationToken ct = default)
    {
        var table = await TableAsync(ct);
        var prefix = $"evd|{activity.Id}|";
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {activity.DistrictId} and RowKey gt {prefix} and RowKey lt {prefix + "~"}");
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(filter, atMost, ["RowKey"], ct))
        {
            if (++count >= atMost) break;
        }
        return count;
    }

    /// <summary>Whether every id names verified evidence of the activity.</summary>
    public async Task<bool> AllVerifiedAsync(Activity activity, IReadOnlyList<string> evidenceIds, CancellationToken ct = default)
    {
        var found = await Task.WhenAll(evidenceIds.Select(id => FindRowAsync(activity.DistrictId, EvidenceRow(activity.Id, id), ct)));
        return found.All(row => row is not null);
    }

    private static string ActivityRow(string id) => $"activity|{id}";

    private static string ScopeRow(string orgId, DateTimeOffset startsAt, string id) => $"scope|{orgId}|{Instant(startsAt)}|{id}";

    private static string CountRow(string id) => $"count|{id}";

    private static string AttendanceRow(string id, string userId) =>
        Keys.IsWellFormedId(userId) ? $"att|{id}|{userId}" : throw new ArgumentException($"Not an id: {userId}.", nameof(userId));

    private static string EvidenceRow(string id, string evidenceId) =>
        Keys.IsWellFormedId(evidenceId)
            ? $"evd|{id}|{evidenceId}"
            : throw new ArgumentException($"Not an id: {evidenceId}.", nameof(evidenceId));

    /// <summary>An instant as a key part that sorts as time does: UTC, to the millisecond.</summary>
    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);

    private static TableEntity Entity(Activity activity, string rowKey)
    {
        var entity = JsonRows.Create(activity.DistrictId, rowKey, activity);
        entity["State"] = EnumText.ToText(activity.State);
        entity["OrganiserOrgId"] = activity.OrganiserOrgId;
        return entity;
    }

    private static TableEntity AttendanceEntity(Activity activity, Attendance record) =>
        JsonRows.Create(activity.DistrictId, AttendanceRow(activity.Id, record.UserId), record);

    private static Activity Read(TableEntity e) => JsonRows.Read<Activity>(e);
}
