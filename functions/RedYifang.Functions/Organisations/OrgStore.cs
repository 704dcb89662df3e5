using Azure;
using Azure.Data.Tables;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Organisations;

/// <summary>
/// Table <c>Orgs</c>. Each district's tree is small (hundreds to a few thousand) and read far more than written, so it
/// lives in one partition of its own, <c>tree|{districtId}</c>, where one batch writes an organisation atomically with
/// its index rows — and where one district's organisations are one key range that no other district's rows lengthen:
/// <list type="bullet">
/// <item><c>org|{id}</c> — the organisation (point read);</item>
/// <item><c>child|{parentId}|{kind}|{id}</c> — a copy under its parent, for listing children by kind;</item>
/// <item><c>name|{parentId}|{hash of name}</c> — makes a name unique under its parent;</item>
/// <item><c>changed</c> — the tree's change marker: rewritten in the batch of every change to the tree, so its ETag
/// differs after any change; a reader that keeps the tree (Assessment's <c>DistrictOrgs</c>) compares it.</item>
/// </list>
/// Districts themselves are listed in partition <c>root</c> (<c>child|root|district|{id}</c>, <c>name|root|{hash}</c>),
/// written before the district's own tree row. Partition <c>ids</c> maps an id to its district (<c>id|{id}</c>), written
/// before the organisation and kept in memory once read: an organisation never changes district. A lookup row or a
/// root row whose organisation was never written (the writer died in between) names nothing that can be read.
/// </summary>
public sealed partial class OrgStore(Tables tables, Outbox outbox, EventTranslators translators)
{
    public const string TableName = "Orgs";
    private const string Root = "root";
    private const string Ids = "ids";
    private const string ChangedRow = "changed";
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _districtOf = new(StringComparer.Ordinal);

    /// <summary>The partition holding a district's tree.</summary>
    public static string TreeOf(string districtId) => $"tree|{districtId}";

    public async Task<Org?> FindAsync(string id, CancellationToken ct = default)
    {
        if (!Keys.IsWellFormedId(id)) return null;
        var table = await tables.GetAsync(TableName, ct);
        if (await DistrictOfAsync(table, id, ct) is not { } district) return null;
        var row = await table.GetEntityIfExistsAsync<TableEntity>(TreeOf(district), OrgRow(id), cancellationToken: ct);
        return row.HasValue && row.Value is not null ? ToOrg(row.Value) : null;
    }

    /// <summary>
    /// Adds the organisation and its index rows in one transaction of its district's partition, with what its
    /// <see cref="OrgCreated"/> translates to; a taken name fails the whole batch. A district first claims its name among
    /// districts (partition <c>root</c>).
    /// </summary>
    public async Task AddAsync(Org org, string createdBy, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(TableName, ct);
        var district = org.Path[0];
        var tree = TreeOf(district);
        var entity = ToEntity(tree, org, createdBy);
        try
        {
            if (org.ParentId is null)
            {
                await table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.Add,
                        new TableEntity(entity) { PartitionKey = Root, RowKey = ChildRow(null, org.Kind, org.Id) }),
                    new TableTransactionAction(
                        TableTransactionActionType.Add,
                        new TableEntity(Root, NameRow(null, org.Name)) { ["OrgId"] = org.Id }),
                ], ct);
            }
            await table.UpsertEntityAsync(new TableEntity(Ids, IdRow(org.Id)) { ["DistrictId"] = district }, TableUpdateMode.Replace, ct);
            var rows = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.Add, entity),
                new(TableTransactionActionType.UpsertReplace, new TableEntity(tree, ChangedRow) { ["OrgId"] = org.Id }),
            };
            if (org.ParentId is not null)
            {
                var child = new TableEntity(entity) { RowKey = ChildRow(org.ParentId, org.Kind, org.Id) };
                rows.Add(new(TableTransactionActionType.Add, child));
                rows.Add(
                    new(TableTransactionActionType.Add, new TableEntity(tree, NameRow(org.ParentId, org.Name)) { ["OrgId"] = org.Id }));
            }
            var staged = translators.Translate([new OrgCreated(org)]).Select(m => outbox.Stage(tree, m.Queue, m.Body)).ToList();
            await table.SubmitTransactionAsync([.. rows, .. staged.Select(s => s.Action)], ct);
            await outbox.DispatchAsync(table, staged.Select(s => s.Entry), ct);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            throw OrgProblems.NameTaken();
        }
        _districtOf[org.Id] = district;
    }

    public async Task<ListPage<Org>> ListChildrenAsync(string? parentId, OrgKind? kind, Paging paging, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(TableName, ct);
        var partition = Root;
        if (parentId is not null)
        {
            if (!Keys.IsWellFormedId(parentId) || await DistrictOfAsync(table, parentId, ct) is not { } district)
            {
                return new ListPage<Org>([], null);
            }
            partition = TreeOf(district);
        }
        var prefix = kind is null ? $"child|{parentId ?? Root}|" : $"child|{parentId ?? Root}|{EnumText.ToText(kind.Value)}|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {prefix} and RowKey lt {prefix + "~"}");
        return await TablePages.ReadAsync(table, filter, paging, ToOrg, ct: ct);
    }

    /// <summary>Every organisation of one district, the district included (one key range of the district's partition).</summary>
    public async Task<List<Org>> InDistrictAsync(string districtId, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(TableName, ct);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TreeOf(districtId)} and RowKey gt {"org|"} and RowKey lt {"org}"}");
        var all = new List<Org>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: ct)) all.Add(ToOrg(e));
        return all;
    }

    /// <summary>
    /// The ETag of the district's change marker (row <c>changed</c> of its tree), which every change to the tree moves in
    /// its own batch: the same ETag read twice means the tree did not change in between. Null when the tree has no marker
    /// — none of its rows was written since markers were introduced — which is just as stable until the next change.
    /// A point read; nothing is written.
    /// </summary>
    public async Task<ETag?> ChangeMarkerAsync(string districtId, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(TableName, ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(
            TreeOf(districtId),
            ChangedRow,
            select: ["RowKey"],
            cancellationToken: ct);
        return row.HasValue && row.Value is { } marker ? marker.ETag : null;
    }

    /// <summary>Every district (the nightly assessment runs each on its own).</summary>
    public async Task<List<Org>> DistrictsAsync(CancellationToken ct = default)
    {
        var districts = new List<Org>();
        string? token = null;
        do
        {
            var page = await ListChildrenAsync(null, OrgKind.District, Paging.After(100, token), ct);
            districts.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);
        return districts;
    }

    private async Task<string?> DistrictOfAsync(TableClient table, string id, CancellationToken ct)
    {
        if (_districtOf.TryGetValue(id, out var known)) return known;
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Ids, IdRow(id), cancellationToken: ct);
        if (!row.HasValue || row.Value?.GetString("DistrictId") is not { } district) return null;
        return _districtOf[id] = district;
    }

    private static string OrgRow(string id) => $"org|{id}";

    private static string IdRow(string id) => $"id|{id}";

    private static string ChildRow(string? parentId, OrgKind kind, string id) => $"child|{parentId ?? Root}|{EnumText.ToText(kind)}|{id}";

    private static string NameRow(string? parentId, string name) =>
        $"name|{parentId ?? Root}|{Keys.Sha256Hex(name.Trim().ToLowerInvariant())[..32]}";

    private static TableEntity ToEntity(string partition, Org org, string createdBy) => new(partition, OrgRow(org.Id))
    {
        ["Id"] = org.Id,
        ["Kind"] = EnumText.ToText(org.Kind),
        ["ParentId"] = org.ParentId,
        ["Name"] = org.Name,
        ["UnitKind"] = org.UnitKind is { } u ? EnumText.ToText(u) : null,
        ["PartyBranches"] = org.PartyBranches,
        ["PartyMembers"] = org.PartyMembers,
        ["Address"] = org.Address,
        ["Households"] = org.Households,
        ["Path"] = string.Join('/', org.Path),
        ["CreatedAt"] = org.CreatedAt,
        ["CreatedBy"] = createdBy,
    };

    private static Org ToOrg(TableEntity e) => new()
    {
        Id = e.GetString("Id"),
        Kind = EnumText.Parse<OrgKind>(e.GetString("Kind")),
        ParentId = e.GetString("ParentId"),
        Name = e.GetString("Name"),
        UnitKind = e.GetString("UnitKind") is { } u ? EnumText.Parse<UnitKind>(u) : null,
        PartyBranches = e.GetInt32("PartyBranches"),
        PartyMembers = e.GetInt32("PartyMembers"),
        Address = e.GetString("Address"),
        Households = e.GetInt32("Households"),
        Path = e.GetString("Path").Split('/'),
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? throw new InvalidDataException($"Org {e.RowKey} has no CreatedAt."),
    };
}
