using Azure;
using Azure.Data.Tables;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Organisations;

/// <summary>
/// Table <c>Orgs</c>. A district's tree is small (hundreds to a few thousand) and read far more than written,
/// so it lives in one partition, <c>tree</c>, where one batch writes an organisation atomically with its index rows:
/// <list type="bullet">
/// <item><c>org|{id}</c> — the organisation (point read);</item>
/// <item><c>child|{parentId}|{kind}|{id}</c> — a copy under its parent, for listing children by kind;</item>
/// <item><c>name|{parentId}|{hash of name}</c> — makes a name unique under its parent;</item>
/// <item><c>district|{districtId}|{id}</c> — a copy under its district, so one district's organisations are one
/// key range (the assessment and statistics read only their district's).</item>
/// </list>
/// </summary>
public sealed class OrgStore(Tables tables)
{
    public const string TableName = "Orgs";
    private const string Partition = "tree";
    private const string Root = "root";

    public async Task<Org?> FindAsync(string id, CancellationToken ct = default)
    {
        if (!Keys.IsWellFormedId(id)) return null;
        var table = await tables.GetAsync(TableName, ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, OrgRow(id), cancellationToken: ct);
        return row.HasValue && row.Value is not null ? ToOrg(row.Value) : null;
    }

    /// <summary>Adds the organisation and its index rows in one transaction; a taken name fails the whole batch.</summary>
    public async Task AddAsync(Org org, string createdBy, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(TableName, ct);
        var entity = ToEntity(org, createdBy);
        var child = new TableEntity(entity) { RowKey = ChildRow(org.ParentId, org.Kind, org.Id) };
        var name = new TableEntity(Partition, NameRow(org.ParentId, org.Name)) { ["OrgId"] = org.Id };
        var district = new TableEntity(entity) { RowKey = DistrictRow(org.Path[0], org.Id) };
        try
        {
            await table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, entity),
                new TableTransactionAction(TableTransactionActionType.Add, child),
                new TableTransactionAction(TableTransactionActionType.Add, name),
                new TableTransactionAction(TableTransactionActionType.Add, district),
            ], ct);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            throw OrgProblems.NameTaken();
        }
    }

    public async Task<ListPage<Org>> ListChildrenAsync(string? parentId, OrgKind? kind, Paging paging, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(TableName, ct);
        var prefix = kind is null ? $"child|{parentId ?? Root}|" : $"child|{parentId ?? Root}|{EnumText.ToText(kind.Value)}|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey gt {prefix} and RowKey lt {prefix + "~"}");
        return await TablePages.ReadAsync(table, filter, paging, ToOrg, ct: ct);
    }

    /// <summary>Every organisation of one district, the district included (one key range of its index rows).</summary>
    public async Task<List<Org>> InDistrictAsync(string districtId, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(TableName, ct);
        var prefix = $"district|{districtId}|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey gt {prefix} and RowKey lt {prefix + "~"}");
        var all = new List<Org>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: ct)) all.Add(ToOrg(e));
        return all;
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

    private static string OrgRow(string id) => $"org|{id}";

    private static string DistrictRow(string districtId, string id) => $"district|{districtId}|{id}";

    private static string ChildRow(string? parentId, OrgKind kind, string id) => $"child|{parentId ?? Root}|{EnumText.ToText(kind)}|{id}";

    private static string NameRow(string? parentId, string name) =>
        $"name|{parentId ?? Root}|{Keys.Sha256Hex(name.Trim().ToLowerInvariant())[..32]}";

    private static TableEntity ToEntity(Org org, string createdBy) => new(Partition, OrgRow(org.Id))
    {
        ["Id"] = org.Id,
        ["Kind"] = EnumText.ToText(org.Kind),
        ["ParentId"] = org.ParentId,
        ["Name"] = org.Name,
        ["UnitKind"] = org.UnitKind is { } u ? EnumText.ToText(u) : null,
        ["PartyBranches"] = org.PartyBranches,
        ["PartyMembers"] = org.PartyMembers,
        ["Address"] = org.Address,
        ["Path"] = string.Join('/', org.Path),
        ["CreatedAt"] = org.CreatedAt,
        ["CreatedBy"] = createdBy,
    };

    private static Org ToOrg(TableEntity e) => new(
        e.GetString("Id"),
        EnumText.Parse<OrgKind>(e.GetString("Kind")),
        e.GetString("ParentId"),
        e.GetString("Name"),
        e.GetString("UnitKind") is { } u ? EnumText.Parse<UnitKind>(u) : null,
        e.GetInt32("PartyBranches"),
        e.GetInt32("PartyMembers"),
        e.GetString("Address"),
        e.GetString("Path").Split('/'),
        e.GetDateTimeOffset("CreatedAt") ?? throw new InvalidDataException($"Org {e.RowKey} has no CreatedAt."));
}
