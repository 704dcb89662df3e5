using System.Globalization;
using Azure;
using Azure.Data.Tables;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Organisations;

/// <summary>
/// Edits and their history, in the district's tree partition beside the organisation:
/// <list type="bullet">
/// <item><c>hist|{orgId}|{instant UTC}|{entryId}</c> — one <see cref="OrgHistoryEntry"/> per edit, oldest first;</item>
/// <item><c>changed</c> — the tree's change marker (also rewritten by Assessment's ranking cache work on the <c>rank</c>
/// branch): rewritten by every edit so a reader keeping the tree sees it move.</item>
/// </list>
/// An edit replaces the organisation's row on the ETag it was read with, together with its copy under its parent, its name
/// row when the name changes, the history entry, the marker and the outbox rows of its event — one transaction, so the history
/// never misses an edit nor records one that did not happen.
/// </summary>
public sealed partial class OrgStore
{
    /// <summary>The organisation with its row's ETag, or null.</summary>
    public async Task<StoredOrg?> FindStoredAsync(string id, CancellationToken ct = default)
    {
        if (!Keys.IsWellFormedId(id)) return null;
        var table = await tables.GetAsync(TableName, ct);
        if (await DistrictOfAsync(table, id, ct) is not { } district) return null;
        var row = await table.GetEntityIfExistsAsync<TableEntity>(TreeOf(district), OrgRow(id), cancellationToken: ct);
        return row.HasValue && row.Value is { } e ? new StoredOrg(ToOrg(e), e.ETag) : null;
    }

    /// <summary>
    /// Writes the edit if nobody changed the organisation since <paramref name="before"/> was read: a lost race is a
    /// <c>ConflictException</c> with code <c>conflict</c>, a taken name <c>org_name_taken</c>; either writes nothing.
    /// Returns the new version with its ETag.
    /// </summary>
    public async Task<StoredOrg> UpdateAsync(StoredOrg before, Org after, OrgHistoryEntry entry, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(TableName, ct);
        var tree = TreeOf(after.Path[0]);
        // Merged, not replaced: the row keeps who created it, which the edit does not know.
        var entity = ToEntity(tree, after, "");
        entity.Remove("CreatedBy");
        var rows = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateMerge, entity, before.ETag),
            new(TableTransactionActionType.Add, JsonRows.Create(tree, HistoryRow(entry), entry)),
            new(TableTransactionActionType.UpsertReplace, new TableEntity(tree, ChangedRow) { ["OrgId"] = after.Id }),
        };
        if (after.ParentId is not null)
        {
            var child = new TableEntity(entity) { RowKey = ChildRow(after.ParentId, after.Kind, after.Id) };
            rows.Add(new(TableTransactionActionType.UpsertMerge, child));
            if (NameRow(after.ParentId, after.Name) != NameRow(after.ParentId, before.Org.Name))
            {
                rows.Add(new(TableTransactionActionType.Delete, new TableEntity(tree, NameRow(after.ParentId, before.Org.Name)), ETag.All));
                rows.Add(new(TableTransactionActionType.Add,
                    new TableEntity(tree, NameRow(after.ParentId, after.Name)) { ["OrgId"] = after.Id }));
            }
        }
        var staged = translators.Translate([new OrgChanged(after, entry)]).Select(m => outbox.Stage(tree, m.Queue, m.Body)).ToList();
        Response<IReadOnlyList<Response>> result;
        try
        {
            result = await table.SubmitTransactionAsync([.. rows, .. staged.Select(s => s.Action)], ct);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409 && e.FailedTransactionActionIndex is { } failed
            && rows.ElementAtOrDefault(failed)?.Entity.RowKey.StartsWith("name|", StringComparison.Ordinal) == true)
        {
            throw OrgProblems.NameTaken();
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412 or 404)
        {
            throw Problems.Conflict();
        }
        await outbox.DispatchAsync(table, staged.Select(s => s.Entry), ct);
        return new StoredOrg(after, result.Value[0].Headers.ETag ?? throw new InvalidDataException("A merge answered without an ETag."));
    }

    /// <summary>The organisation's history, oldest first (one key range).</summary>
    public async Task<List<OrgHistoryEntry>> HistoryAsync(Org org, CancellationToken ct = default) =>
        await HistoryRangeAsync(org.Path[0], $"hist|{org.Id}|", ct);

    /// <summary>Every history entry of the district's organisations, by organisation then oldest first (one key range).</summary>
    public async Task<List<OrgHistoryEntry>> DistrictHistoryAsync(string districtId, CancellationToken ct = default) =>
        await HistoryRangeAsync(districtId, "hist|", ct);

    private async Task<List<OrgHistoryEntry>> HistoryRangeAsync(string districtId, string prefix, CancellationToken ct)
    {
        var table = await tables.GetAsync(TableName, ct);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {TreeOf(districtId)} and RowKey gt {prefix} and RowKey lt {prefix + "~"}");
        var entries = new List<OrgHistoryEntry>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            entries.Add(JsonRows.Read<OrgHistoryEntry>(e));
        }
        return entries;
    }

    private static string HistoryRow(OrgHistoryEntry entry) =>
        $"hist|{entry.OrgId}|{entry.At.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfffffff", CultureInfo.InvariantCulture)}|{entry.Id}";
}
