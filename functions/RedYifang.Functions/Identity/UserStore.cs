using Azure;
using Azure.Data.Tables;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Identity;

/// <summary>
/// Table <c>Users</c>: one partition per user holding the profile (RowKey <c>profile</c>) and one row per
/// role grant (RowKey <c>role|{orgId or *}|{role}</c>), so a request's roles are one single-partition query.
/// Table <c>UserUnionIds</c>: WeChat's union id (hashed) → the user, so a website QR sign-in finds the mini-program's user.
/// Table <c>RoleHolders</c>: who holds which role at an organisation (PartitionKey the organisation, RowKey
/// <c>{role}|{userId}</c>), so a unit's liaisons or a community's admins are one single-partition query, not a scan of
/// every user (Notifications/ asks it whom to tell).
/// </summary>
public sealed class UserStore(Tables tables, TimeProvider clock)
{
    public const string TableName = "Users";
    private const string ProfileRow = "profile";
    private const string RolePrefix = "role|";
    public const string UnionTableName = "UserUnionIds";
    private const string UnionRow = "user";
    public const string HoldersTableName = "RoleHolders";

    // The back-fill's mark on the index rows it adds (GrantAsync's rows have none), and the grants it reads per call.
    private const string BackfilledMark = "Backfilled";
    private const int GrantPageSize = 1000;

    /// <summary>
    /// Creates the user on first sign-in. A union id WeChat gives is indexed before the profile names it: the index and
    /// the profile live in different partitions (no batch spans them), and the index points at an id that follows from
    /// the open id, so a crash in between leaves an index the next sign-in completes, never a wrong one.
    /// </summary>
    /// <param name="openId">
    /// The mini-program's open id the user signed in with: kept on the profile (never logged, never shown), as subscription
    /// messages are addressed to it (Notifications/) and content security takes it (ContentSecurity/TextScreening.cs). Null for
    /// a sign-in that has none (the console's website QR).
    /// </param>
    public async Task<UserProfile> EnsureAsync(string userId, string? nickname, CancellationToken ct = default, string? unionId = null,
        string? openId = null)
    {
        var table = await tables.GetAsync(TableName, ct);
        var existing = await table.GetEntityIfExistsAsync<TableEntity>(userId, ProfileRow, cancellationToken: ct);
        if (existing.HasValue && existing.Value is { } entity)
        {
            var indexUnion = unionId is not null && UnionKey(unionId) != entity.GetString("UnionKey");
            var keepOpenId = openId is not null && openId != entity.GetString("OpenId");
            if ((nickname is not null && nickname != entity.GetString("Nickname")) || indexUnion || keepOpenId)
            {
                if (indexUnion) await IndexUnionIdAsync(unionId!, userId, ct);
                if (nickname is not null) entity["Nickname"] = nickname;
                if (indexUnion) entity["UnionKey"] = UnionKey(unionId!);
                if (keepOpenId) entity["OpenId"] = openId;
                await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Merge, ct);
            }
            return ToProfile(entity);
        }
        if (unionId is not null) await IndexUnionIdAsync(unionId, userId, ct);
        var created = new TableEntity(userId, ProfileRow)
        {
            ["Nickname"] = nickname, ["CreatedAt"] = clock.GetUtcNow(), ["UnionKey"] = unionId is null ? null : UnionKey(unionId),
            ["OpenId"] = openId,
        };
        try
        {
            await table.AddEntityAsync(created, ct);
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            // Two first sign-ins raced; the other one created the same user.
        }
        return ToProfile(created);
    }

    /// <summary>The user WeChat's union id was indexed for (by a mini-program sign-in), if any.</summary>
    public async Task<string?> FindByUnionIdAsync(string unionId, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(UnionTableName, ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(UnionKey(unionId), UnionRow, cancellationToken: ct);
        return row.HasValue && row.Value is not null ? row.Value.GetString("UserId") : null;
    }

    private async Task IndexUnionIdAsync(string unionId, string userId, CancellationToken ct)
    {
        var table = await tables.GetAsync(UnionTableName, ct);
        // Upsert: a union id belongs to one person, and their mini-program open id (so their user id) never changes.
        await table.UpsertEntityAsync(new TableEntity(UnionKey(unionId), UnionRow) { ["UserId"] = userId }, TableUpdateMode.Replace, ct);
    }

    // Hashed like user ids, so the table's keys do not reveal union ids.
    private static string UnionKey(string unionId) => Keys.StableId("uni", "wechat-unionid:" + unionId);

    public async Task<UserProfile?> FindAsync(string userId, CancellationToken ct = default)
    {
        if (!Keys.IsWellFormedId(userId)) return null;
        var table = await tables.GetAsync(TableName, ct);
        var entity = await table.GetEntityIfExistsAsync<TableEntity>(userId, ProfileRow, cancellationToken: ct);
        return entity.HasValue && entity.Value is not null ? ToProfile(entity.Value) : null;
    }

    /// <summary>The mini-program open id the user last signed in with, or null (never signed in from the mini-program).</summary>
    public async Task<string?> FindOpenIdAsync(string userId, CancellationToken ct = default)
    {
        if (!Keys.IsWellFormedId(userId)) return null;
        var table = await tables.GetAsync(TableName, ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(userId, ProfileRow, ["OpenId"], ct);
        return row.HasValue && row.Value is not null ? row.Value.GetString("OpenId") : null;
    }

    /// <summary>
    /// The users who hold <paramref name="role"/> at exactly <paramref name="orgId"/> (not above it). The index may name a
    /// user whose grant a crash left half made or half revoked, so each is checked against the user's own role row.
    /// </summary>
    public async Task<IReadOnlyList<string>> HoldersAsync(string orgId, Role role, CancellationToken ct = default)
    {
        if (!Keys.IsWellFormedId(orgId)) return [];
        var index = await tables.GetAsync(HoldersTableName, ct);
        var prefix = EnumText.ToText(role) + "|";
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {orgId} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "}"}");
        var candidates = new List<string>();
        await foreach (var row in index.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: ct))
        {
            candidates.Add(row.RowKey[prefix.Length..]);
        }
        var users = await tables.GetAsync(TableName, ct);
        var rowKey = RoleRow(new RoleGrant(role, orgId));
        var held = await Task.WhenAll(candidates.Select(async userId =>
            (await users.GetEntityIfExistsAsync<TableEntity>(userId, rowKey, ["Role"], ct)).HasValue ? userId : null));
        return [.. held.OfType<string>()];
    }

    public async Task<IReadOnlyList<RoleGrant>> GetRolesAsync(string userId, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(TableName, ct);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {userId} and RowKey ge {RolePrefix} and RowKey lt {"role}"}");
        var grants = new List<RoleGrant>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["Role", "OrgId", "OrgPath"], cancellationToken: ct))
        {
            grants.Add(ToGrant(row));
        }
        return grants;
    }

    /// <summary>Grants a role; granting one the user already holds changes nothing.</summary>
    public async Task GrantAsync(string userId, RoleGrant grant, string grantedBy, CancellationToken ct = default)
    {
        // The index first: one it names without the grant is checked away by HoldersAsync; a grant it missed would be unseen.
        if (grant.OrgId is { } orgId)
        {
            var index = await tables.GetAsync(HoldersTableName, ct);
            await index.UpsertEntityAsync(new TableEntity(orgId, HolderRow(grant.Role, userId)), TableUpdateMode.Replace, ct);
        }
        var table = await tables.GetAsync(TableName, ct);
        var row = new TableEntity(userId, RoleRow(grant))
        {
            ["Role"] = EnumText.ToText(grant.Role),
            ["OrgId"] = grant.OrgId,
            ["OrgPath"] = grant.OrgPath is null ? null : string.Join('/', grant.OrgPath),
            ["GrantedBy"] = grantedBy,
            ["GrantedAt"] = clock.GetUtcNow(),
        };
        try
        {
            await table.AddEntityAsync(row, ct);
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
        }
    }

    /// <summary>Revokes the roles the user holds at <paramref name="orgId"/> (one role, or all of them).</summary>
    public async Task<int> RevokeAsync(string userId, string orgId, Role? role, CancellationToken ct = default)
    {
        var roles = await GetRolesAsync(userId, ct);
        var revoked = roles.Where(r => r.OrgId == orgId && (role is null || r.Role == role)).ToList();
        if (revoked.Count == 0) return 0;
        var table = await tables.GetAsync(TableName, ct);
        await table.SubmitTransactionAsync(
            revoked.Select(r => new TableTransactionAction(TableTransactionActionType.Delete,
                new TableEntity(userId, RoleRow(r)), ETag.All)), ct);
        // The index after the grants: left behind by a crash, it names a user HoldersAsync then checks away.
        var index = await tables.GetAsync(HoldersTableName, ct);
        foreach (var r in revoked)
        {
            try
            {
                await index.DeleteEntityAsync(orgId, HolderRow(r.Role, userId), ETag.All, ct);
            }
            catch (RequestFailedException e) when (e.IsNotFound())
            {
                // Granted before the index existed, or already removed.
            }
        }
        return revoked.Count;
    }

    /// <summary>A role grant as its row in <c>Users</c> holds it, with the user it is granted to.</summary>
    public sealed record StoredGrant(string UserId, RoleGrant Grant);

    /// <summary>What indexing a page of grants found: already in <c>RoleHolders</c>, added, or added and then found revoked.</summary>
    public sealed record HoldersIndexed(int Present, int Added, int Revoked);

    /// <summary>
    /// One page of every user's role grants (a scan of <c>Users</c> by row key, across partitions): the back-fill of
    /// <c>RoleHolders</c> for grants made before the index existed. Pass the page's token back for the next; null after the last.
    /// </summary>
    public async Task<(IReadOnlyList<StoredGrant> Grants, string? Next)> GrantPageAsync(string? storageToken,
        CancellationToken ct = default)
    {
        var table = await tables.GetAsync(TableName, ct);
        var filter = TableClient.CreateQueryFilter($"RowKey ge {RolePrefix} and RowKey lt {"role}"}");
        string[] select = ["PartitionKey", "RowKey", "Role", "OrgId", "OrgPath"];
        await foreach (var page in table.QueryAsync<TableEntity>(filter, GrantPageSize, select, ct).AsPages(storageToken, GrantPageSize))
        {
            return ([.. page.Values.Select(row => new StoredGrant(row.PartitionKey, ToGrant(row)))], page.ContinuationToken);
        }
        return ([], null);
    }

    /// <summary>
    /// Indexes in <c>RoleHolders</c> the grants it is missing, as <see cref="GrantAsync"/> would have: one organisation (one
    /// partition) at a time, what is there read first and only the rest added, in transactions of at most 100 (EntityTransactions),
    /// so running it again changes nothing. A grant revoked after it was read is not left indexed: each added row is checked
    /// against the grant afterwards and removed if the grant is gone (a revoke that ran before the row existed found nothing to
    /// remove; one that runs after removes it itself). The rows added are marked <c>Backfilled</c>, and removed only on the
    /// ETag read with that mark: a grant made meanwhile rewrote the row (GrantAsync's upsert) and keeps it.
    /// </summary>
    public async Task<HoldersIndexed> IndexHoldersAsync(IReadOnlyList<StoredGrant> grants, CancellationToken ct = default)
    {
        var index = await tables.GetAsync(HoldersTableName, ct);
        var users = await tables.GetAsync(TableName, ct);
        var (present, added, revoked) = (0, 0, 0);
        foreach (var org in grants.Where(g => g.Grant.OrgId is not null).GroupBy(g => g.Grant.OrgId!, StringComparer.Ordinal))
        {
            var indexed = new HashSet<string>(StringComparer.Ordinal);
            var partition = TableClient.CreateQueryFilter($"PartitionKey eq {org.Key}");
            await foreach (var row in index.QueryAsync<TableEntity>(partition, select: ["RowKey"], cancellationToken: ct))
            {
                indexed.Add(row.RowKey);
            }
            var byRow = org.DistinctBy(g => HolderRow(g.Grant.Role, g.UserId)).ToDictionary(g => HolderRow(g.Grant.Role, g.UserId));
            var missing = byRow.Keys.Where(k => !indexed.Contains(k)).ToList();
            present += byRow.Count - missing.Count;
            // Upserts, as GrantAsync writes its row: one a grant made meanwhile wrote is the same row, marked and kept (its grant
            // stands when checked below), so no conflict needs handling.
            foreach (var batch in EntityTransactions.Batches(missing.Select(k => new TableTransactionAction(
                TableTransactionActionType.UpsertReplace, new TableEntity(org.Key, k) { [BackfilledMark] = true }))))
            {
                await index.SubmitTransactionAsync(batch, ct);
            }
            var gone = await Task.WhenAll(missing.Select(async k =>
            {
                var g = byRow[k];
                if ((await users.GetEntityIfExistsAsync<TableEntity>(g.UserId, RoleRow(g.Grant), ["Role"], ct)).HasValue) return false;
                return await RemoveBackfilledAsync(index, org.Key, k, ct);
            }));
            added += gone.Count(r => !r);
            revoked += gone.Count(r => r);
        }
        return new HoldersIndexed(present, added, revoked);
    }

    private static async Task<bool> RemoveBackfilledAsync(TableClient index, string orgId, string rowKey, CancellationToken ct)
    {
        var row = await index.GetEntityIfExistsAsync<TableEntity>(orgId, rowKey, cancellationToken: ct);
        if (!row.HasValue || row.Value is not { } entity || entity.GetBoolean(BackfilledMark) != true) return false;
        try
        {
            await index.DeleteEntityAsync(orgId, rowKey, entity.ETag, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.IsNotFound() || e.IsPreconditionFailed())
        {
            // The revoke removed it itself, or a grant made meanwhile rewrote it (and holds it).
            return false;
        }
    }

    private static string RoleRow(RoleGrant grant) => $"{RolePrefix}{grant.OrgId ?? "*"}|{EnumText.ToText(grant.Role)}";

    private static string HolderRow(Role role, string userId) => $"{EnumText.ToText(role)}|{userId}";

    private static RoleGrant ToGrant(TableEntity row) =>
        new(EnumText.Parse<Role>(row.GetString("Role")), row.GetString("OrgId"), row.GetString("OrgPath")?.Split('/'));

    private static UserProfile ToProfile(TableEntity e) =>
        new(e.PartitionKey, e.GetString("Nickname"), e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue);
}
