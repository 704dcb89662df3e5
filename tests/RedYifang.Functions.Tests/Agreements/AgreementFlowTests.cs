using System.Text.Json.Nodes;

namespace RedYifang.Functions.Tests.Agreements;

/// <summary>
/// Co-building agreements over HTTP in a district of this class's own: its street admin writes and signs for the street, a
/// unit of the street (each test's own) countersigns through its liaison. A second district and the test district's other
/// street stand for everyone the agreement is none of the business of.
/// </summary>
[Collection(Slices.Agreements)]
public sealed class AgreementFlowTests(SliceApp slice) : IAsyncLifetime
{
    private readonly AppUnderTest _app = slice.App;
    private TestDistrict _d = null!;
    private AgreementParties _p = null!;

    public async Task InitializeAsync()
    {
        _d = await slice.DistrictAsync("agreements");
        _p = new AgreementParties(_app, _d);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static object Year2026(string party, string unit, string liaison) =>
        AgreementParties.Body(party, unit, liaison, "2026-01-01", "2026-12-31");

    private static List<(string Action, string? From, string To)> Steps(JsonObject agreement) =>
        agreement["history"]!.AsArray().Select(s => (s.Str("action"), s!["from"]?.GetValue<string>(), s.Str("to"))).ToList();

    [Fact]
    public async Task Written_signed_and_countersigned_it_becomes_active_and_its_parties_see_it()
    {
        var (unit, liaison, liaisonId) = await _p.UnitAsync("协议流程单位");
        var admin = await TestDistrict.UserIdAsync(_app, _d.StreetAdmin);

        var response = await _app.SendAsync(HttpMethod.Post, "api/v1/agreements", _d.StreetAdmin, Year2026(_d.StreetId, unit, liaisonId));
        var created = await response.ExpectAsync(201);
        var id = created.Str("id");
        Assert.Equal($"/api/v1/agreements/{id}", response.Headers.Location!.ToString());
        Assert.StartsWith($"cba_{_d.DistrictId[4..]}-", id);                                  // the id carries its district
        Assert.Equal(("draft", _d.StreetId, unit, _d.DistrictId), (created.Str("state"), created.Str("partyOrgId"), created.Str("unitId"),
            created.Str("districtId")));
        Assert.Equal(
            ("2026-01-01", "2026-12-31", liaisonId),
            (created.Str("termFrom"), created.Str("termTo"), created.Str("liaisonUserId")));
        Assert.Equal(
            [
                ("medical", "医疗健康", "service", (int?)4, (string?)null, (string?)"义诊每年 4 次"),
                ("medical", "医疗健康", "funds", null, "5000.00", null),
            ],
            created["commitments"]!.AsArray().Select(c => (c.Str("category"), c.Str("categoryName"), c.Str("kind"),
                c!["target"]?.GetValue<int>(), c["amount"]?.GetValue<string>(), c["description"]?.GetValue<string>())));

        var signed = await (await _p.ActAsync(id, "sign", _d.StreetAdmin)).ExpectAsync(200);
        Assert.Equal(("draft", admin), (signed.Str("state"), signed["signature"].Str("by")));
        Assert.Null(signed["countersignature"]);
        var active = await (await _p.ActAsync(id, "countersign", liaison)).ExpectAsync(200);

        Assert.Equal("active", active.Str("state"));
        Assert.Equal(liaisonId, active["countersignature"].Str("by"));
        Assert.Equal([("create", null, "draft"), ("sign", "draft", "draft"), ("countersign", "draft", "active")], Steps(active));
        // Every party reads it: the admins over the street, the unit's liaison; the district admin too (over both).
        foreach (var reader in new[] { _d.StreetAdmin, _d.DistrictAdmin, liaison })
        {
            Assert.Equal("active", (await _p.GetAsync(id, reader)).Str("state"));
        }
        Assert.Equal([id], await _p.ListAsync(unit, liaison));
        Assert.Contains(id, await _p.ListAsync(_d.StreetId, _d.StreetAdmin));
        Assert.Contains(id, await _p.ListAsync(_d.DistrictId, _d.DistrictAdmin));
        Assert.Equal([id], await _p.ListAsync(unit, _d.StreetAdmin, "&state=active"));
        Assert.Empty(await _p.ListAsync(unit, _d.StreetAdmin, "&state=draft"));
    }

    [Fact]
    public async Task A_community_writes_with_a_unit_of_its_street_and_the_unit_may_countersign_first()
    {
        var (unit, liaison, liaisonId) = await _p.UnitAsync("社区共建单位", "volunteerTeam");
        var id = (await _p.CreateAsync(_d.CommunityAdmin, Year2026(_d.CommunityId, unit, liaisonId))).Str("id");

        Assert.Equal("draft", (await (await _p.ActAsync(id, "countersign", liaison)).ExpectAsync(200)).Str("state"));
        var active = await (await _p.ActAsync(id, "sign", _d.CommunityAdmin)).ExpectAsync(200);

        Assert.Equal("active", active.Str("state"));
        Assert.Equal([("create", null, "draft"), ("countersign", "draft", "draft"), ("sign", "draft", "active")], Steps(active));
        Assert.Equal([id], await _p.ListAsync(unit, liaison));
        Assert.Contains(id, await _p.ListAsync(_d.CommunityId, _d.CommunityAdmin));
        Assert.Contains(id, await _p.ListAsync(_d.StreetId, _d.StreetAdmin));                // the street sees its community's
    }

    [Fact]
    public async Task The_same_create_retried_with_one_key_makes_one_agreement()
    {
        var (unit, _, liaisonId) = await _p.UnitAsync("幂等单位");
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() };
        var body = Year2026(_d.StreetId, unit, liaisonId);

        var responses = await Task.WhenAll(
            Enumerable.Range(0, 10).Select(_ => _app.SendAsync(HttpMethod.Post, "api/v1/agreements", _d.StreetAdmin, body, key)));

        Assert.All(responses, r => Assert.Equal(201, (int)r.StatusCode));
        Assert.Equal(9, responses.Count(r => r.Headers.Contains("Idempotent-Replayed")));
        var location = Assert.Single(responses.Select(r => r.Headers.Location!.ToString()).Distinct());
        Assert.Equal([location], (await _p.ListAsync(unit, _d.StreetAdmin)).Select(i => $"/api/v1/agreements/{i}"));
    }

    [Fact]
    public async Task Illegal_transitions_are_409_and_change_nothing()
    {
        var (unit, liaison, liaisonId) = await _p.UnitAsync("状态单位");
        var id = (await _p.CreateAsync(_d.StreetAdmin, Year2026(_d.StreetId, unit, liaisonId))).Str("id");
        await (await _p.ActAsync(id, "sign", _d.StreetAdmin)).ExpectAsync(200);

        await (await _p.ActAsync(id, "sign", _d.StreetAdmin)).ExpectProblemAsync(409, "invalid_transition");   // each side once
        Assert.Equal([("create", null, "draft"), ("sign", "draft", "draft")], Steps(await _p.GetAsync(id, _d.StreetAdmin)));
        await (await _p.ActAsync(id, "countersign", liaison)).ExpectAsync(200);
        await (await _p.ActAsync(id, "countersign", liaison)).ExpectProblemAsync(409, "invalid_transition");

        await (await _p.ActAsync(id, "terminate", _d.StreetAdmin, new { reason = "单位迁出本街道" })).ExpectAsync(200);
        await (await _p.ActAsync(id, "terminate", _d.StreetAdmin, new { reason = "再次" })).ExpectProblemAsync(409, "invalid_transition");
        await (await _p.ActAsync(id, "sign", _d.StreetAdmin)).ExpectProblemAsync(409, "invalid_transition");
        var terminated = await _p.GetAsync(id, _d.StreetAdmin);
        Assert.Equal("terminated", terminated.Str("state"));
        Assert.Equal(("active", "terminated", "单位迁出本街道"),
            (terminated["history"]![3].Str("from"), terminated["history"]![3].Str("to"), terminated["history"]![3].Str("reason")));
        Assert.Equal(4, terminated["history"]!.AsArray().Count);
        await (await _p.ActAsync(id, "terminate", _d.StreetAdmin, new { reason = "" })).ExpectProblemAsync(400, "validation_failed");
    }

    [Fact]
    public async Task An_active_agreement_of_the_pair_refuses_an_overlapping_term_and_admits_the_next_one()
    {
        var (unit, liaison, liaisonId) = await _p.UnitAsync("重叠单位");
        var first = await _p.ActiveAsync(Year2026(_d.StreetId, unit, liaisonId), liaison);

        var overlapping = await _app.SendAsync(HttpMethod.Post, "api/v1/agreements", _d.StreetAdmin,
            AgreementParties.Body(_d.StreetId, unit, liaisonId, "2026-12-31", "2027-12-30"));
        var problem = await overlapping.ExpectProblemAsync(409, "agreement_overlaps");
        Assert.Contains(first, problem.Str("detail"));
        Assert.Equal([first], await _p.ListAsync(unit, _d.StreetAdmin));                      // nothing written
        // The day after the term ends is no overlap (a renewal), and another party organisation is another pair.
        var renewal = (await _p.CreateAsync(
            _d.StreetAdmin,
            AgreementParties.Body(_d.StreetId, unit, liaisonId, "2027-01-01", "2027-12-31"))).Str("id");
        var community = (await _p.CreateAsync(_d.CommunityAdmin, Year2026(_d.CommunityId, unit, liaisonId))).Str("id");
        Assert.Equal([first, renewal, community], await _p.ListAsync(unit, _d.StreetAdmin));

        // Terminated, the first frees its days: a draft written for them may now become active.
        await (await _p.ActAsync(first, "terminate", _d.StreetAdmin, new { reason = "改签新协议" })).ExpectAsync(200);
        await _p.ActiveAsync(AgreementParties.Body(_d.StreetId, unit, liaisonId, "2026-07-01", "2026-12-31"), liaison);
    }

    [Fact]
    public async Task Overlapping_drafts_may_both_exist_but_only_one_becomes_active()
    {
        var (unit, liaison, liaisonId) = await _p.UnitAsync("草稿单位");
        var a = (await _p.CreateAsync(_d.StreetAdmin, Year2026(_d.StreetId, unit, liaisonId))).Str("id");
        var b = (await _p.CreateAsync(
            _d.StreetAdmin,
            AgreementParties.Body(_d.StreetId, unit, liaisonId, "2026-06-01", "2027-05-31"))).Str("id");
        await (await _p.ActAsync(a, "sign", _d.StreetAdmin)).ExpectAsync(200);
        await (await _p.ActAsync(b, "sign", _d.StreetAdmin)).ExpectAsync(200);

        await (await _p.ActAsync(a, "countersign", liaison)).ExpectAsync(200);
        var refused = await (await _p.ActAsync(b, "countersign", liaison)).ExpectProblemAsync(409, "agreement_overlaps");

        Assert.Contains(a, refused.Str("detail"));
        var draft = await _p.GetAsync(b, liaison);
        Assert.Equal("draft", draft.Str("state"));
        Assert.Null(draft["countersignature"]);                                                // the refused countersignature is not kept
    }

    [Fact]
    public async Task Two_overlapping_drafts_activated_at_once_leave_exactly_one_active()
    {
        var (unit, liaison, liaisonId) = await _p.UnitAsync("并发单位");
        var ids = new List<string>();
        foreach (var from in new[] { "2026-01-01", "2026-03-01", "2026-05-01", "2026-07-01" })
        {
            var body = AgreementParties.Body(_d.StreetId, unit, liaisonId, from, "2026-12-31");
            var id = (await _p.CreateAsync(_d.StreetAdmin, body)).Str("id");
            await (await _p.ActAsync(id, "sign", _d.StreetAdmin)).ExpectAsync(200);
            ids.Add(id);
        }

        var responses = await Task.WhenAll(ids.Select(id => _p.ActAsync(id, "countersign", liaison)));

        Assert.Equal(1, responses.Count(r => (int)r.StatusCode == 200));
        foreach (var lost in responses.Where(r => (int)r.StatusCode != 200))
        {
            // A loser that read the pair before the winner wrote it lost the write (conflict); one that read it afterwards
            // found the overlap. Either way it stays a draft.
            Assert.Contains((await lost.ExpectAsync(409)).Str("code"), new[] { "conflict", "agreement_overlaps" });
        }
        Assert.Single(await _p.ListAsync(unit, _d.StreetAdmin, "&state=active"));
        Assert.Equal(3, (await _p.ListAsync(unit, _d.StreetAdmin, "&state=draft")).Count);
    }

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { """{"termTo":"2026-01-01"}""", "termTo", "须晚于 termFrom" },
        { """{"termFrom":"2026/01/01"}""", "termFrom", "须为 YYYY-MM-DD（2000–2200 年）" },
        { """{"commitments":[]}""", "commitments", "需要 1–20 项承诺" },
        { """{"commitments":[{"category":"medical","kind":"service","target":"4"}]}""", "commitments[0].target", "类型不正确" },
        { """{"commitments":[{"category":"medical","kind":"funds","amount":5000}]}""", "commitments[0].amount", "类型不正确" },
        { """{"commitments":[{"category":"medical","kind":"funds","amount":"50.123"}]}""", "commitments[0].amount",
            "须为大于 0、最多两位小数的金额（元），如 \"1000.00\"" },
        { """{"commitments":[{"category":"medical","kind":"service"}]}""", "commitments[0].target", "必填" },
        { """{"liaisonUserId":null}""", "liaisonUserId", "必填" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_bodies_name_their_field_and_write_nothing(string change, string field, string message)
    {
        var (unit, _, liaisonId) = await _p.UnitAsync($"坏请求单位{Guid.NewGuid().ToString("N")[..8]}");
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Year2026(_d.StreetId, unit, liaisonId)))!.AsObject();
        foreach (var (name, value) in JsonNode.Parse(change)!.AsObject()) body[name] = value?.DeepClone();

        var problem = await (await _app.SendAsync(HttpMethod.Post, "api/v1/agreements", _d.StreetAdmin, body.ToJsonString()))
            .ExpectProblemAsync(400, "validation_failed");

        Assert.Equal(new Dictionary<string, string[]> { [field] = [message] }, problem.Errors());
        Assert.Empty(await _p.ListAsync(unit, _d.StreetAdmin));
    }

    [Fact]
    public async Task Parties_that_do_not_fit_are_422_and_write_nothing()
    {
        var (unit, liaison, liaisonId) = await _p.UnitAsync("引用单位");
        var otherStreet = await _d.OrgAsync(_app, "street", _d.DistrictId, "另一街道");
        var farUnit = await _d.OrgAsync(_app, "unit", otherStreet, "外街道单位", "agency");
        var resident = await TestDistrict.UserIdAsync(_app, _d.Resident);

        async Task<string[]> Refused(object body) =>
            [.. (await (await _app.SendAsync(HttpMethod.Post, "api/v1/agreements", _d.DistrictAdmin, body))
                .ExpectProblemAsync(422, "invalid_reference")).Errors().Keys];

        Assert.Equal(["partyOrgId"], await Refused(Year2026(_d.GridId, unit, liaisonId)));           // a grid is no party
        Assert.Equal(["partyOrgId"], await Refused(Year2026("org_nosuchplace", unit, liaisonId)));
        Assert.Equal(["unitId"], await Refused(Year2026(_d.StreetId, farUnit, liaisonId)));        // not of the street
        Assert.Equal(["unitId"], await Refused(Year2026(_d.StreetId, _d.CommunityId, liaisonId)));
        Assert.Equal(["liaisonUserId"], await Refused(Year2026(_d.StreetId, unit, resident)));      // not the unit's liaison
        Assert.Equal(["liaisonUserId"], await Refused(Year2026(_d.StreetId, _d.UnitId, liaisonId)));
        Assert.Empty(await _p.ListAsync(unit, liaison));
    }

    [Fact]
    public async Task Outside_the_parties_an_agreement_is_not_found_and_a_party_may_do_only_its_own_part()
    {
        var (unit, liaison, liaisonId) = await _p.UnitAsync("范围单位");
        var other = await slice.DistrictAsync("agreements-other");
        var otherStreet = await _d.OrgAsync(_app, "street", _d.DistrictId, "范围外街道");
        var otherStreetAdmin = await _d.UserAsync(_app, "other-street-admin", "streetAdmin", otherStreet);
        var secondLiaison = await _d.UserAsync(_app, "second-liaison", "liaison", unit);

        // Writing for a party organisation the caller is not an admin over: 403.
        foreach (var writer in new[] { _d.CommunityAdmin, other.StreetAdmin, other.DistrictAdmin, liaison, _d.Resident })
        {
            await (await _app.SendAsync(HttpMethod.Post, "api/v1/agreements", writer, Year2026(_d.StreetId, unit, liaisonId)))
                .ExpectProblemAsync(403, "forbidden");
        }
        var id = (await _p.CreateAsync(_d.StreetAdmin, Year2026(_d.StreetId, unit, liaisonId))).Str("id");

        // No party: another district, another street, a community admin not over the unit, a resident, another unit's liaison.
        foreach (var stranger in (string[])[other.DistrictAdmin, other.StreetAdmin, otherStreetAdmin, _d.CommunityAdmin, _d.Resident,
            _d.Liaison])
        {
            await (await _app.SendAsync(HttpMethod.Get, $"api/v1/agreements/{id}", stranger)).ExpectProblemAsync(404, "not_found");
            await (await _p.ActAsync(id, "sign", stranger)).ExpectProblemAsync(404, "not_found");
            await (await _p.ActAsync(id, "countersign", stranger)).ExpectProblemAsync(404, "not_found");
            await (await _p.ActAsync(id, "terminate", stranger, new { reason = "越权" })).ExpectProblemAsync(404, "not_found");
        }
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/agreements?orgId={unit}", other.DistrictAdmin))
            .ExpectProblemAsync(403, "forbidden");
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/agreements?orgId={_d.StreetId}", liaison))
            .ExpectProblemAsync(403, "forbidden");

        // Parties each doing the other side's part: 403. Another liaison of the unit reads it but is not the one named.
        await (await _p.ActAsync(id, "sign", liaison)).ExpectProblemAsync(403, "forbidden");
        await (await _p.ActAsync(id, "terminate", liaison, new { reason = "单位不愿续签" })).ExpectProblemAsync(403, "forbidden");
        await (await _p.ActAsync(id, "countersign", _d.StreetAdmin)).ExpectProblemAsync(403, "forbidden");
        Assert.Equal("draft", (await _p.GetAsync(id, secondLiaison)).Str("state"));
        await (await _p.ActAsync(id, "countersign", secondLiaison)).ExpectProblemAsync(403, "forbidden");
        var unchanged = await _p.GetAsync(id, _d.StreetAdmin);
        Assert.Equal((null, null), (unchanged["signature"], unchanged["countersignature"]));
        Assert.Single(unchanged["history"]!.AsArray());
        await (await _app.SendAsync(HttpMethod.Get, "api/v1/agreements/cba_nosuch-thing", _d.StreetAdmin))
            .ExpectProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task The_signed_document_is_evidence_of_the_agreement_for_its_parties()
    {
        var (unit, liaison, liaisonId) = await _p.UnitAsync("协议书单位");
        var id = await _p.ActiveAsync(Year2026(_d.StreetId, unit, liaisonId), liaison);

        var byLiaison = await _app.UploadAsync(liaison, "agreement", id, Photos.Jpeg(1501), fileName: "协议书-单位盖章.jpg");
        var byAdmin = await _app.UploadAsync(_d.StreetAdmin, "agreement", id, Photos.Jpeg(1502), fileName: "协议书-街道盖章.jpg");

        Assert.Equal(("verified", "verified"), (byLiaison.Str("state"), byAdmin.Str("state")));
        var listed = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/evidence?ownerType=agreement&ownerId={id}", liaison))
            .ExpectAsync(200);
        Assert.Equal(new[] { byLiaison.Str("id"), byAdmin.Str("id") }.Order(), listed.Ids().Order());
        // The liaison's copy is in the unit's archive, the admin's in the street's (the archive is the id's partition).
        Assert.StartsWith($"evd_{unit[4..]}-", byLiaison.Str("id"));
        Assert.StartsWith($"evd_{_d.StreetId[4..]}-", byAdmin.Str("id"));

        var ticket = new
        {
            ownerType = "agreement", ownerId = id, fileName = "x.jpg", contentType = "image/jpeg", size = 10,
            sha256 = new string('a', 64),
        };
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/evidence/uploads", _d.CommunityAdmin, ticket))
            .ExpectProblemAsync(404, "not_found");
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/evidence?ownerType=agreement&ownerId={id}", _d.Resident))
            .ExpectProblemAsync(404, "not_found");
    }
}
