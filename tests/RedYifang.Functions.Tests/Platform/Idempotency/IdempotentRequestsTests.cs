using RedYifang.Functions.Platform.Idempotency;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Tests.Platform.Idempotency;

/// <summary>Idempotent creates in this class's own district; each test creates under a parent of its own, so its children are known exactly.</summary>
[Collection(Slices.Platform)]
public sealed class IdempotentRequestsTests(SliceApp slice) : IAsyncLifetime
{
    private readonly AppUnderTest _app = slice.App;
    private const string Admin = AppUnderTest.BootstrapAdmin;
    private TestDistrict _d = null!;

    public async Task InitializeAsync() => _d = await slice.DistrictAsync("idem");

    public Task DisposeAsync() => Task.CompletedTask;

    private static Dictionary<string, string> NewKey() => new() { ["Idempotency-Key"] = Guid.NewGuid().ToString() };

    [Fact]
    public async Task The_same_key_and_body_sent_concurrently_creates_once_and_replays_the_first_answer()
    {
        var parent = await _d.OrgAsync(_app, "community", _d.StreetId, "并发社区");
        var body = new { kind = "grid", parentId = parent, name = "幂等网格" };
        var key = NewKey();

        var responses = await Task.WhenAll(
            Enumerable.Range(0, 12).Select(_ => _app.SendAsync(HttpMethod.Post, "api/v1/orgs", Admin, body, key)));

        var bodies = new List<string>();
        foreach (var response in responses)
        {
            var json = await response.ExpectAsync(201);
            bodies.Add(json.ToJsonString());
            Assert.Equal(responses[0].Headers.Location, response.Headers.Location);
        }
        var created = System.Text.Json.Nodes.JsonNode.Parse(Assert.Single(bodies.Distinct()))!;
        Assert.Equal([created.Str("id")], await ChildrenAsync(parent));
        Assert.Equal(11, responses.Count(r => r.Headers.Contains("Idempotent-Replayed")));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_and_creates_nothing()
    {
        var parent = await _d.OrgAsync(_app, "community", _d.StreetId, "重用社区");
        var key = NewKey();
        var first = await (await _app.SendAsync(
            HttpMethod.Post,
            "api/v1/orgs",
            Admin,
            new { kind = "grid", parentId = parent, name = "甲" },
            key)).ExpectAsync(201);

        var reused = await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", Admin, new { kind = "grid", parentId = parent, name = "乙" }, key);

        await reused.ExpectProblemAsync(422, "idempotency_key_reused");
        Assert.Equal([first.Str("id")], await ChildrenAsync(parent));
        // The first body again is the first answer again.
        var replay = await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", Admin, new { kind = "grid", parentId = parent, name = "甲" }, key);
        Assert.Equal(first.ToJsonString(), (await replay.ExpectAsync(201)).ToJsonString());
        Assert.Equal(["true"], replay.Headers.GetValues("Idempotent-Replayed"));
    }

    [Fact]
    public async Task A_refused_request_releases_its_key()
    {
        var parent = await _d.OrgAsync(_app, "community", _d.StreetId, "释放社区");
        var key = NewKey();
        var body = new { kind = "grid", parentId = parent, name = "释放" };

        await (await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", _d.Resident, body, key)).ExpectProblemAsync(403, "forbidden");
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", _d.Resident, body, key)).ExpectProblemAsync(403, "forbidden");
        Assert.Empty(await ChildrenAsync(parent));
        // The key is per caller: the admin's request with the same key runs.
        var created = await (await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", Admin, body, key)).ExpectAsync(201);
        Assert.Equal([created.Str("id")], await ChildrenAsync(parent));
    }

    [Fact]
    public async Task The_key_belongs_to_the_operation_not_to_how_its_path_is_spelt()
    {
        var resident = await _d.UserAsync(_app, "idem-spelling");
        var body = new
        {
            communityId = _d.CommunityId, title = "楼道灯", category = "repairs", description = "三楼灯不亮", beneficiaries = 4, urgency = "low",
            level = "community",
        };
        var key = NewKey();

        var first = await _app.SendAsync(HttpMethod.Post, "api/v1/orders", resident, body, key);
        var created = await first.ExpectAsync(201);
        foreach (var path in new[] { "API/V1/Orders", "api/v1/orders/", "Api/v1/ORDERS/" })
        {
            var again = await _app.SendAsync(HttpMethod.Post, path, resident, body, key);
            Assert.Equal(created.ToJsonString(), (await again.ExpectAsync(201)).ToJsonString());
            Assert.Equal(["true"], again.Headers.GetValues("Idempotent-Replayed"));
            Assert.Equal(first.Headers.Location, again.Headers.Location);
        }
        var mine = await (await _app.SendAsync(HttpMethod.Get, "api/v1/orders?mine=true", resident)).ExpectAsync(200);
        Assert.Equal([created.Str("id")], mine.Ids());
    }

    [Fact]
    public async Task A_replay_after_the_callers_role_was_revoked_is_refused()
    {
        var admin = await _d.UserAsync(_app, "idem-revoked", "streetAdmin", _d.StreetId);
        var userId = (await (await _app.SendAsync(HttpMethod.Get, "api/v1/me", admin)).ExpectAsync(200)).Str("id");
        var body = new { kind = "community", parentId = _d.StreetId, name = "撤销后重放社区" };
        var key = NewKey();
        var created = await (await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", admin, body, key)).ExpectAsync(201);

        await (await _app.SendAsync(HttpMethod.Delete, $"api/v1/orgs/{_d.StreetId}/roles/{userId}", Admin)).ExpectAsync(204);
        var replay = await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", admin, body, key);

        await replay.ExpectProblemAsync(403, "forbidden");
        Assert.False(replay.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, (await ChildrenAsync(_d.StreetId)).Count(id => id == created.Str("id")));
    }

    public static TheoryData<string> Creates => ["orgs", "orders", "resources", "evidence/uploads"];

    /// <summary>
    /// The first run committed its change, then its answer was lost before it was stored under the key (storage failed, the
    /// instance stopped: the fault tier puts a real outage there, IdempotentCreateFaultTests.cs); here the key's row is put back
    /// as such a run leaves it, pending with its lease lapsed. The retry resumes it and answers 201 with what the first run made,
    /// under the same id; the next one replays that answer.
    /// </summary>
    [Theory]
    [MemberData(nameof(Creates))]
    public async Task A_create_whose_answer_was_lost_is_answered_by_its_retry_with_what_its_first_run_made(string create)
    {
        var (who, body, operation, idField) = create switch
        {
            "orgs" => (Admin, (object)new { kind = "grid", parentId = _d.CommunityId, name = "失答网格" }, "CreateOrg", "id"),
            "orders" => (_d.Resident, new
            {
                communityId = _d.CommunityId, title = "失答", category = "repairs", description = "门锁坏了", beneficiaries = 1,
                urgency = "low", level = "community",
            }, "SubmitOrder", "id"),
            "resources" => (_d.Liaison, new
            {
                unitId = _d.UnitId, title = "失答服务", category = "repairs", description = "上门维修", kind = "service",
                areaIds = new[] { _d.StreetId }, monthlyCapacity = 2,
                availability = new[] { new { weekday = 2, from = "09:00", to = "17:00" } },
                validFrom = "2026-01-01", validTo = "2030-12-31", tags = Array.Empty<string>(),
            }, "CreateResource", "id"),
            _ => (Admin, new
            {
                ownerType = "org", ownerId = _d.UnitId, fileName = "失答.pdf", contentType = "application/pdf", size = 1234,
                sha256 = new string('a', 64),
            }, "EvidenceUploadTicket", "evidenceId"),
        };
        var key = NewKey();
        var first = await (await _app.SendAsync(HttpMethod.Post, $"api/v1/{create}", who, body, key)).ExpectAsync(201);

        var userId = (await (await _app.SendAsync(HttpMethod.Get, "api/v1/me", who)).ExpectAsync(200)).Str("id");
        await LoseAnswerAsync(userId, operation, key["Idempotency-Key"]);
        var retry = await _app.SendAsync(HttpMethod.Post, $"api/v1/{create}", who, body, key);

        var resumed = await retry.ExpectAsync(201);
        Assert.False(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(first.Str(idField), resumed.Str(idField));
        var replay = await _app.SendAsync(HttpMethod.Post, $"api/v1/{create}", who, body, key);
        Assert.Equal(resumed.ToJsonString(), (await replay.ExpectAsync(201)).ToJsonString());
        Assert.Equal(["true"], replay.Headers.GetValues("Idempotent-Replayed"));
    }

    /// <summary>Puts the key's finished row back as a run that lost its answer leaves it: pending, its lease lapsed.</summary>
    private async Task LoseAnswerAsync(string userId, string operation, string key)
    {
        var table = _app.Table(IdempotentRequests.TableName);
        var row = (await table.GetEntityAsync<Azure.Data.Tables.TableEntity>(Keys.Sha256Hex($"{userId}|{operation}|{key}"), "")).Value;
        Assert.Equal("done", row.GetString("State"));
        foreach (var answer in new[] { "Status", "Headers", "ContentType", "Body" }) row.Remove(answer);
        row["State"] = "pending";
        row["LeaseUntil"] = DateTimeOffset.UnixEpoch;
        await table.UpdateEntityAsync(row, row.ETag, Azure.Data.Tables.TableUpdateMode.Replace);
    }

    private async Task<List<string>> ChildrenAsync(string parent)
    {
        var response = await _app.SendAsync(HttpMethod.Get, $"api/v1/orgs?parentId={parent}&limit=100", Admin);
        return (await response.ExpectAsync(200)).Ids();
    }
}
