using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Identity;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Tests.Notifications;

/// <summary>
/// <c>POST /v1/admin/role-holders/rebuild</c> (Identity/RebuildRoleHolders.cs) on Azurite: grants written the old way (a role row
/// in <c>Users</c>, no <c>RoleHolders</c> row) are not found by Notifications until the district's admin back-fills the index;
/// then they are told; a second run changes nothing; another district's grants and a revoked grant are never indexed.
/// </summary>
[Collection(NotificationsApp.Collection)]
public sealed class RoleHoldersBackfillTests(NotificationsApp slice) : IAsyncLifetime
{
    private const string Route = "api/v1/admin/role-holders/rebuild";
    private readonly AppUnderTest _app = slice.App;
    private TestDistrict _d = null!;

    public async Task InitializeAsync() => _d = await slice.DistrictAsync("rhb");

    public Task DisposeAsync() => Task.CompletedTask;

    private TableClient Table(string name) => new(slice.Storage.ConnectionString, name);

    /// <summary>A role row as grants were written before the index existed: in the user's partition only.</summary>
    private async Task GrantTheOldWayAsync(string userId, string role, IReadOnlyList<string> orgPath) =>
        await Table(UserStore.TableName).AddEntityAsync(new TableEntity(userId, $"role|{orgPath[^1]}|{role}")
        {
            ["Role"] = role, ["OrgId"] = orgPath[^1], ["OrgPath"] = string.Join('/', orgPath), ["GrantedBy"] = "before-the-index",
            ["GrantedAt"] = DateTimeOffset.UtcNow.AddYears(-1),
        });

    private async Task<List<(string RowKey, string ETag)>> HolderRowsAsync(string orgId)
    {
        var rows = new List<(string, string)>();
        await foreach (var row in Table(UserStore.HoldersTableName).QueryAsync<TableEntity>(e => e.PartitionKey == orgId))
        {
            rows.Add((row.RowKey, row.ETag.ToString()));
        }
        return rows;
    }

    /// <summary>Runs the back-fill to its end as <paramref name="asUser"/>; returns what every page added and found present.</summary>
    private async Task<(int Added, int Present, int Pages)> RebuildAsync(string asUser)
    {
        var (added, present, pages) = (0, 0, 0);
        string? token = null;
        do
        {
            var path = token is null ? Route : $"{Route}?continuationToken={Uri.EscapeDataString(token)}";
            var page = await (await _app.SendAsync(HttpMethod.Post, path, asUser, new { })).ExpectAsync(200);
            added += page["added"]!.GetValue<int>();
            present += page["present"]!.GetValue<int>();
            Assert.Equal(0, page["revoked"]!.GetValue<int>());
            token = page["continuationToken"]?.GetValue<string>();
            pages++;
        }
        while (token is not null);
        return (added, present, pages);
    }

    private async Task<string> SubmitAsync(string resident) =>
        (await (await _app.SendAsync(HttpMethod.Post, "api/v1/orders", resident, new
        {
            communityId = _d.CommunityId, title = "楼道灯坏了", category = "elderlyCare", description = "三楼楼道灯不亮",
            beneficiaries = 1, urgency = "normal", level = "community",
        })).ExpectAsync(201)).Str("id");

    [Fact]
    public async Task Holders_granted_before_the_index_are_told_after_the_district_admins_back_fill_and_a_second_run_changes_nothing()
    {
        var unit = await _d.OrgAsync(_app, "unit", _d.StreetId, "旧授权服务队", "socialOrganization");
        string[] unitPath = [_d.DistrictId, _d.StreetId, unit];
        var liaison = await _d.UserAsync(_app, "old-liaison");
        var admin = await _d.UserAsync(_app, "old-admin");
        var revoked = await _d.UserAsync(_app, "old-revoked");
        var (liaisonId, adminId, revokedId) = (await TestDistrict.UserIdAsync(_app, liaison), await TestDistrict.UserIdAsync(_app, admin),
            await TestDistrict.UserIdAsync(_app, revoked));
        await GrantTheOldWayAsync(liaisonId, "liaison", unitPath);
        await GrantTheOldWayAsync(revokedId, "liaison", unitPath);
        await GrantTheOldWayAsync(adminId, "communityAdmin", [_d.DistrictId, _d.StreetId, _d.CommunityId]);
        // Revoked before the back-fill: its role row is gone, and nothing may index it again.
        await (await _app.SendAsync(HttpMethod.Delete, $"api/v1/orgs/{unit}/roles/{revokedId}?role=liaison", _d.Admin))
            .ExpectAsync(204);
        // Another district's grant, written the old way too: not this district admin's to index.
        var elsewhere = $"org_rhb-other-{Guid.NewGuid():N}";
        var stranger = await TestDistrict.UserIdAsync(_app, _d.Stranger);
        await GrantTheOldWayAsync(stranger, "liaison", [$"org_rhb-d-{Guid.NewGuid():N}", elsewhere]);
        var resource = await _d.PublishedResourceAsync(_app, 5, "elderlyCare", [_d.StreetId], unit, liaison);

        // Before: the old grants hold (the liaison published the resource) but Notifications finds nobody to tell.
        var before = await SubmitAsync(_d.Resident);
        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{before}/publish", _d.CommunityAdmin, new { })).ExpectAsync(200);
        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{before}/match", _d.CommunityAdmin, new { resourceId = resource }))
            .ExpectAsync(200);
        await Inbox.DrainedAsync(slice);
        Assert.Empty(await Inbox.OfOrderAsync(_app, admin, before));
        Assert.Empty(await Inbox.OfOrderAsync(_app, liaison, before));

        var first = await RebuildAsync(_d.DistrictAdmin);

        Assert.Equal(2, first.Added);                        // the liaison and the admin granted the old way, not the revoked one
        Assert.Equal([$"liaison|{liaisonId}"], (await HolderRowsAsync(unit)).Select(r => r.RowKey));
        Assert.Contains($"communityAdmin|{adminId}", (await HolderRowsAsync(_d.CommunityId)).Select(r => r.RowKey));
        Assert.Empty(await HolderRowsAsync(elsewhere));
        var holders = _app.Services.GetRequiredService<UserStore>();
        Assert.Contains(liaisonId, await holders.HoldersAsync(unit, Role.Liaison));

        // After: both are told.
        var after = await SubmitAsync(_d.Resident);
        Assert.NotNull(await Inbox.SettledAsync(_app, admin, after, "submitted"));
        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{after}/publish", _d.CommunityAdmin, new { })).ExpectAsync(200);
        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{after}/match", _d.CommunityAdmin, new { resourceId = resource }))
            .ExpectAsync(200);
        Assert.NotNull(await Inbox.SettledAsync(_app, liaison, after, "matched"));

        // Again: nothing added, nothing rewritten.
        var rows = await HolderRowsAsync(unit);
        var second = await RebuildAsync(_d.DistrictAdmin);
        Assert.Equal(0, second.Added);
        Assert.True(second.Present >= first.Added + first.Present, $"{second.Present} present of {first.Added} + {first.Present}");
        Assert.Equal(rows, await HolderRowsAsync(unit));

        // The bootstrap admin's back-fill covers every district.
        await RebuildAsync(_d.Admin);
        Assert.Equal([$"liaison|{stranger}"], (await HolderRowsAsync(elsewhere)).Select(r => r.RowKey));
    }

    [Fact]
    public async Task A_grant_revoked_after_the_back_fill_read_it_is_not_left_in_the_index()
    {
        var unit = await _d.OrgAsync(_app, "unit", _d.StreetId, "撤销服务队", "socialOrganization");
        var userId = await TestDistrict.UserIdAsync(_app, await _d.UserAsync(_app, "gone"));
        var users = _app.Services.GetRequiredService<UserStore>();
        // As the scan read it; its row was deleted (revoked) before the index row was written, so the revoke removed nothing.
        var read = new UserStore.StoredGrant(userId, new RoleGrant(Role.Liaison, unit, [_d.DistrictId, _d.StreetId, unit]));

        var indexed = await users.IndexHoldersAsync([read]);

        Assert.Equal(new UserStore.HoldersIndexed(0, 0, 1), indexed);
        Assert.Empty(await HolderRowsAsync(unit));
    }

    [Fact]
    public async Task Only_district_admins_may_back_fill()
    {
        foreach (var refused in new[] { _d.StreetAdmin, _d.CommunityAdmin, _d.Liaison, _d.Resident })
        {
            await (await _app.SendAsync(HttpMethod.Post, Route, refused, new { })).ExpectProblemAsync(403, "forbidden");
        }
        await (await _app.SendAsync(HttpMethod.Post, $"{Route}?continuationToken=not*a*token", _d.DistrictAdmin, new { }))
            .ExpectProblemAsync(400, "validation_failed");
    }
}
