using Azure.Data.Tables;
using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Resources;



/// <summary>
/// Table <c>Resources</c>, one partition per unit (the resource id carries it): <c>res|{id}</c> rows and
/// <c>outbox|…</c> rows. Table <c>ResourceIndex</c> finds resources by service area
/// (PartitionKey <c>area|{areaId}</c>, RowKey <c>{category}|{id}</c>) and by category
/// (<c>category|{category}</c>, RowKey id). A resource never changes category; index rows are
/// written before the resource (an edit adds rows for the areas it adds and leaves those it removes); readers load the resource
/// itself and keep only what still fits.
/// </summary>
public sealed class ResourceStore(Tables tables, Outbox outbox, EventTranslators translators) : OutboxStore(tables, outbox, TableName)
{
    private readonly Tables _tables = tables;

    public const string TableName = "Resources";
    public const string IndexTable = "ResourceIndex";

    public static string? UnitOf(string resourceId) => Keys.ParentOf(resourceId, "org");

    public async Task<StoredResource?> FindAsync(string id, CancellationToken ct = default)
    {
        if (UnitOf(id) is not { } unit) return null;
        var table = await TableAsync(ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(unit, Row(id), cancellationToken: ct);
        return row.HasValue && row.Value is { } e ? new StoredResource(Deserialize(e), e.ETag) : null;
    }

    /// <summary>Adds a new resource with what its <see cref="ResourceCreated"/> translates to; one already there is <c>ConflictException</c>.</summary>
    public async Task AddAsync(Resource resource, CancellationToken ct = default)
    {
        await IndexAsync(resource, ct);
        await CommitAsync(resource.UnitId, [new TableTransactionAction(TableTransactionActionType.Add, Entity(resource))],
            translators.Translate([new ResourceCreated(resource)]), ct);
    }

    /// <summary>The index rows of the resource's areas and category (written before the resource, and before an edit).</summary>
    public async Task IndexAsync(Resource resource, CancellationToken ct = default)
    {
        var index = await _tables.GetAsync(IndexTable, ct);
        var category = EnumText.ToText(resource.Category);
        await Task.WhenAll(resource.AreaIds
            .Select(area => new TableEntity($"area|{area}", $"{category}|{resource.Id}"))
            .Append(new TableEntity($"category|{category}", resource.Id))
            .Select(row => index.UpsertEntityAsync(row, TableUpdateMode.Replace, ct)));
    }

    /// <summary>Replaces the resource on its ETag with what its event translates to; a lost race is <c>ConflictException</c>.</summary>
    public Task UpdateAsync(StoredResource before, ResourceChange change, CancellationToken ct = default) =>
        CommitAsync(change.Resource.UnitId,
            [new TableTransactionAction(TableTransactionActionType.UpdateReplace, Entity(change.Resource), before.ETag)],
            translators.Translate([change.Event]), ct);

    public async Task<ListPage<Resource>> ListByUnitAsync(
        string unitId,
        Func<Resource, bool> fits,
        Paging paging,
        CancellationToken ct = default)
    {
        var table = await TableAsync(ct);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {unitId} and RowKey gt {"res|"} and RowKey lt {"res}"}");
        var page = await TablePages.ReadAsync(table, filter, paging, Deserialize, ct: ct);
        return page with { Items = page.Items.Where(fits).ToList() };
    }

    /// <summary>Resources serving an area (optionally of one category), or of one category anywhere.</summary>
    public async Task<ListPage<Resource>> ListIndexedAsync(string? areaId, Category? category, Func<Resource, bool> fits, Paging paging,
        CancellationToken ct = default)
    {
        var index = await _tables.GetAsync(IndexTable, ct);
        string filter;
        if (areaId is not null)
        {
            var prefix = category is { } c ? EnumText.ToText(c) + "|" : "";
            filter = TableClient.CreateQueryFilter(
                $"PartitionKey eq {"area|" + areaId} and RowKey gt {prefix} and RowKey lt {prefix + "~"}");
        }
        else
        {
            filter = TableClient.CreateQueryFilter($"PartitionKey eq {"category|" + EnumText.ToText(category!.Value)}");
        }
        // Area rows are keyed {category}|{id}, category rows by the id alone.
        return await TablePages.ResolveAsync(
            index,
            filter,
            paging,
            async key => (await FindAsync(key[(key.IndexOf('|') + 1)..], ct))?.Resource,
            r => fits(r) && (areaId is null || r.AreaIds.Contains(areaId)),
            ct);
    }

    /// <summary>Every resource id indexed under an area for a category (all pages; matching use).</summary>
    public async Task<List<string>> IdsServingAsync(string areaId, Category category, CancellationToken ct = default)
    {
        var index = await _tables.GetAsync(IndexTable, ct);
        var prefix = EnumText.ToText(category) + "|";
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {"area|" + areaId} and RowKey gt {prefix} and RowKey lt {prefix + "~"}");
        var ids = new List<string>();
        await foreach (var row in index.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: ct)) ids.Add(
            row.RowKey[prefix.Length..]);
        return ids;
    }

    private static string Row(string id) => $"res|{id}";

    private static TableEntity Entity(Resource r)
    {
        var entity = JsonRows.Create(r.UnitId, Row(r.Id), r);
        entity["State"] = EnumText.ToText(r.State);
        entity["Category"] = EnumText.ToText(r.Category);
        return entity;
    }

    private static Resource Deserialize(TableEntity e) => JsonRows.Read<Resource>(e);
}
