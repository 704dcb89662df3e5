using Azure.Data.Tables;

namespace RedYifang.Functions.Tests.PartyMembers;

/// <summary>
/// Reporting to a community (在职党员报到) over HTTP in a district of this class's own: any signed-in user reports, the
/// community's admins (and those above) approve or decline, and approval grants partyMember through Organisations. A second
/// district stands for everyone the report is none of the business of.
/// </summary>
[Collection(Slices.PartyMembers)]
public sealed class PartyMemberReportTests(SliceApp slice) : IAsyncLifetime
{
    private readonly AppUnderTest _app = slice.App;
    private TestDistrict _d = null!;
    private PartyMemberParties _p = null!;

    public async Task InitializeAsync()
    {
        _d = await slice.DistrictAsync("pm-reports");
        _p = new PartyMemberParties(slice, _d);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_report_is_pending_once_then_approved_by_the_community_and_grants_partyMember_at_the_grid()
    {
        var member = await _d.UserAsync(_app, "grid-member");
        var response = await _p.ReportAsync(member, PartyMemberParties.Body(_d.CommunityId, _d.GridId, _d.UnitId));
        var report = await response.ExpectAsync(201);
        var id = report.Str("id");
        Assert.Equal($"/api/v1/party-member-reports/{id}", response.Headers.Location!.ToString());
        Assert.StartsWith($"pmr_{_d.DistrictId[4..]}-", id);
        Assert.Equal(("pending", _d.CommunityId, _d.GridId, _d.UnitId, _d.GridId), (report.Str("state"), report.Str("communityId"),
            report.Str("gridId"), report.Str("workUnitId"), report.Str("grantOrgId")));
        Assert.Equal([("repairs", "维修服务"), ("elderlyCare", "养老助老")],
            report["serviceCategories"]!.AsArray().Select(c => (c.Str("category"), c.Str("name"))));
        Assert.Equal(["理发", "家电维修"], report["skills"]!.AsArray().Select(s => s!.GetValue<string>()));

        // One pending report per community: a second is refused and writes nothing.
        await (await _p.ReportAsync(member, PartyMemberParties.Body(_d.CommunityId))).ExpectProblemAsync(409, "report_pending");
        Assert.Equal([id], await _p.ListAsync(member, "mine=true"));
        Assert.Contains(id, await _p.ListAsync(_d.CommunityAdmin, $"communityId={_d.CommunityId}&state=pending"));

        var approved = await (await _p.DecideAsync(id, "approve", _d.CommunityAdmin)).ExpectAsync(200);
        Assert.Equal(("approved", await TestDistrict.UserIdAsync(_app, _d.CommunityAdmin)), (approved.Str("state"),
            approved["decision"].Str("by")));
        Assert.Contains($"partyMember@{_d.GridId}", await _p.GrantedAsync(member, _d.GridId));
        await (await _p.ReportAsync(member, PartyMemberParties.Body(_d.CommunityId))).ExpectProblemAsync(409, "already_member");
        await (await _p.DecideAsync(id, "decline", _d.CommunityAdmin, new { reason = "再次" })).ExpectProblemAsync(409, "invalid_transition");
        Assert.Contains(id, await _p.ListAsync(_d.StreetAdmin, $"communityId={_d.CommunityId}&state=approved"));
        Assert.DoesNotContain(id, await _p.ListAsync(_d.StreetAdmin, $"communityId={_d.CommunityId}&state=pending"));
    }

    [Fact]
    public async Task A_declined_report_keeps_its_reason_grants_nothing_and_the_user_may_report_again()
    {
        var member = await _d.UserAsync(_app, "declined-member");
        var id = (await (await _p.ReportAsync(member, PartyMemberParties.Body(_d.CommunityId))).ExpectAsync(201)).Str("id");

        var missing = await (await _p.DecideAsync(id, "decline", _d.CommunityAdmin, new { reason = "  " }))
            .ExpectProblemAsync(400, "validation_failed");
        Assert.Equal(["reason"], missing.Errors().Keys);
        Assert.Equal([id], await _p.ListAsync(member, "mine=true&state=pending"));                 // unchanged

        var declined = await (await _p.DecideAsync(id, "decline", _d.StreetAdmin, new { reason = "未在本社区居住" })).ExpectAsync(200);
        Assert.Equal(("declined", "未在本社区居住"), (declined.Str("state"), declined["decision"].Str("reason")));
        var again = await (await _p.ReportAsync(member, PartyMemberParties.Body(_d.CommunityId))).ExpectAsync(201);
        Assert.Equal([id, again.Str("id")], await _p.ListAsync(member, "mine=true"));
        Assert.Equal([again.Str("id")], await _p.ListAsync(member, "mine=true&state=pending"));
        Assert.DoesNotContain(await _p.RolesAsync(member), r => r.StartsWith("partyMember@", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_approvals_at_once_make_one_decision_and_one_grant_by_the_winner()
    {
        var member = await _d.UserAsync(_app, "raced-member");
        var memberId = await TestDistrict.UserIdAsync(_app, member);
        var id = (await (await _p.ReportAsync(member, PartyMemberParties.Body(_d.CommunityId))).ExpectAsync(201)).Str("id");
        var admins = new[] { _d.CommunityAdmin, _d.StreetAdmin, _d.DistrictAdmin };

        var responses = await Task.WhenAll(admins.Select(a => _p.DecideAsync(id, "approve", a)));

        var won = Assert.Single(responses, r => (int)r.StatusCode == 200);
        foreach (var lost in responses.Where(r => r != won))
        {
            // A loser that read the report before the winner wrote it lost the write; one that read it after found it decided.
            Assert.Contains((await lost.ExpectAsync(409)).Str("code"), new[] { "conflict", "invalid_transition" });
        }
        var winner = (await won.ExpectAsync(200))["decision"].Str("by");
        await _p.GrantedAsync(member, _d.CommunityId);
        var grants = new List<TableEntity>();
        await foreach (var row in _app.Table("Users").QueryAsync<TableEntity>(r => r.PartitionKey == memberId)) grants.Add(row);
        var grant = Assert.Single(grants, g => g.GetString("Role") == "partyMember");
        Assert.Equal((_d.CommunityId, winner), (grant.GetString("OrgId"), grant.GetString("GrantedBy")));
    }

    [Fact]
    public async Task The_same_report_retried_with_one_key_makes_one_report()
    {
        var member = await _d.UserAsync(_app, "idempotent-member");
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() };

        var responses = await Task.WhenAll(Enumerable.Range(0, 6)
            .Select(_ => _p.ReportAsync(member, PartyMemberParties.Body(_d.CommunityId), key)));

        Assert.All(responses, r => Assert.Equal(201, (int)r.StatusCode));
        Assert.Equal(5, responses.Count(r => r.Headers.Contains("Idempotent-Replayed")));
        var location = Assert.Single(responses.Select(r => r.Headers.Location!.ToString()).Distinct());
        Assert.Equal([location], (await _p.ListAsync(member, "mine=true")).Select(i => $"/api/v1/party-member-reports/{i}"));
    }

    [Fact]
    public async Task Outside_the_community_a_report_is_not_found_and_its_member_may_not_decide_it()
    {
        var other = await slice.DistrictAsync("pm-reports-other");
        var member = await _d.UserAsync(_app, "scoped-member");
        var id = (await (await _p.ReportAsync(member, PartyMemberParties.Body(_d.CommunityId))).ExpectAsync(201)).Str("id");
        var sibling = await _d.OrgAsync(_app, "community", _d.StreetId, "兄弟社区");
        var siblingAdmin = await _d.UserAsync(_app, "sibling-admin", "communityAdmin", sibling);

        foreach (var stranger in new[] { other.DistrictAdmin, other.CommunityAdmin, siblingAdmin, _d.Resident, _d.Liaison })
        {
            await (await _p.DecideAsync(id, "approve", stranger)).ExpectProblemAsync(404, "not_found");
            await (await _p.DecideAsync(id, "decline", stranger, new { reason = "越权" })).ExpectProblemAsync(404, "not_found");
        }
        await (await _p.DecideAsync(id, "approve", member)).ExpectProblemAsync(403, "forbidden");     // nobody grants to themselves
        foreach (var lister in new[] { other.DistrictAdmin, siblingAdmin, _d.Resident, member })
        {
            await (await _app.SendAsync(HttpMethod.Get, $"api/v1/party-member-reports?communityId={_d.CommunityId}", lister))
                .ExpectProblemAsync(403, "forbidden");
        }
        await (await _app.SendAsync(HttpMethod.Get, "api/v1/party-member-reports?communityId=org_nosuchplace", _d.CommunityAdmin))
            .ExpectProblemAsync(404, "not_found");
        Assert.Empty(await _p.ListAsync(other.DistrictAdmin, "mine=true"));
        Assert.Contains(id, await _p.ListAsync(_d.CommunityAdmin, $"communityId={_d.CommunityId}&state=pending"));   // undecided
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"serviceCategories":[]}""", "serviceCategories" },
        { """{"serviceCategories":["repairs","plumbing"]}""", "serviceCategories[1]" },
        { """{"skills":["1","2","3","4","5","6","7","8","9","10","11"]}""", "skills" },
        { """{"workUnitName":null}""", "workUnitId" },
        { """{"workUnitId":"org_abc"}""", "workUnitName" },
        { """{"communityId":"社区"}""", "communityId" },
        { """{"skills":"理发"}""", "skills" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_bodies_name_their_field_and_write_nothing(string change, string field)
    {
        var member = await _d.UserAsync(_app, $"bad-{Guid.NewGuid().ToString("N")[..8]}");
        var valid = System.Text.Json.JsonSerializer.Serialize(PartyMemberParties.Body(_d.CommunityId));
        var body = System.Text.Json.Nodes.JsonNode.Parse(valid)!
            .AsObject();
        foreach (var (name, value) in System.Text.Json.Nodes.JsonNode.Parse(change)!.AsObject()) body[name] = value?.DeepClone();

        var problem = await (await _p.ReportAsync(member, body.ToJsonString())).ExpectProblemAsync(400, "validation_failed");

        Assert.Equal([field], problem.Errors().Keys);
        Assert.Empty(await _p.ListAsync(member, "mine=true"));
    }

    [Fact]
    public async Task References_that_do_not_fit_are_422_and_write_nothing()
    {
        var member = await _d.UserAsync(_app, "misplaced-member");
        var otherCommunity = await _d.OrgAsync(_app, "community", _d.StreetId, "另一社区");
        var otherGrid = await _d.OrgAsync(_app, "grid", otherCommunity, "另一网格");

        async Task<string[]> Refused(object body) =>
            [.. (await (await _p.ReportAsync(member, body)).ExpectProblemAsync(422, "invalid_reference")).Errors().Keys];

        Assert.Equal(["communityId"], await Refused(PartyMemberParties.Body(_d.StreetId)));
        Assert.Equal(["gridId"], await Refused(PartyMemberParties.Body(_d.CommunityId, otherGrid)));
        Assert.Equal(["workUnitId"], await Refused(PartyMemberParties.Body(_d.CommunityId, workUnitId: _d.StreetId)));
        Assert.Empty(await _p.ListAsync(member, "mine=true"));
    }
}
