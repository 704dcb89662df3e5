namespace RedYifang.Functions.Tests.PartyMembers;

/// <summary>A district's points rules over HTTP: versioned, written by its admins on the ETag they read, refused whole when wrong.</summary>
[Collection(Slices.PartyMembers)]
public sealed class PointsRulesTests(SliceApp slice) : IAsyncLifetime
{
    private readonly AppUnderTest _app = slice.App;
    private TestDistrict _d = null!;

    public async Task InitializeAsync() => _d = await slice.DistrictAsync("pm-rules");

    public Task DisposeAsync() => Task.CompletedTask;

    private string Route(int year, string? district = null) => $"api/v1/districts/{district ?? _d.DistrictId}/points/rules/{year}";

    private Task<HttpResponseMessage> PutAsync(int year, object body, string? asOpenId = null, string? ifMatch = null) =>
        _app.SendAsync(HttpMethod.Put, Route(year), asOpenId ?? _d.DistrictAdmin, body,
            ifMatch is null ? null : new Dictionary<string, string> { ["If-Match"] = ifMatch });

    [Fact]
    public async Task Each_change_is_the_next_version_and_a_change_over_a_stale_etag_is_412_and_changes_nothing()
    {
        await (await _app.SendAsync(HttpMethod.Get, Route(2031), _d.Resident)).ExpectProblemAsync(404, "not_found");
        await (await PutAsync(2031, PartyMemberParties.Rules(2, 20, 1, 40), ifMatch: "*")).ExpectProblemAsync(412, "precondition_failed");

        var first = await PutAsync(2031, PartyMemberParties.Rules(2, 20, 1, 40));
        var v1 = await first.ExpectAsync(200);
        Assert.Equal((1, "\"v1\""), (v1["version"]!.GetValue<int>(), first.Headers.ETag!.ToString()));
        var second = await (await PutAsync(2031, PartyMemberParties.Rules(3, null, 2, 40), ifMatch: "\"v1\"")).ExpectAsync(200);
        Assert.Equal(2, second["version"]!.GetValue<int>());

        var stale = await PutAsync(2031, PartyMemberParties.Rules(9, 9, 9, 9), ifMatch: "\"v1\"");
        await stale.ExpectProblemAsync(412, "precondition_failed");
        var read = await _app.SendAsync(HttpMethod.Get, Route(2031), _d.Resident);                 // anyone signed in reads them
        var current = await read.ExpectAsync(200);
        Assert.Equal((2, "\"v2\"", 3, (int?)null, 2), (current["version"]!.GetValue<int>(), read.Headers.ETag!.ToString(),
            current["sources"]!["checkIn"]!["points"]!.GetValue<int>(), current["sources"]!["checkIn"]!["monthlyCap"]?.GetValue<int>(),
            current["sources"]!["attendance"]!["points"]!.GetValue<int>()));
        Assert.Equal(await TestDistrict.UserIdAsync(_app, _d.DistrictAdmin), current.Str("setBy"));
        await (await _app.SendAsync(HttpMethod.Get, Route(2032), _d.Resident)).ExpectProblemAsync(404, "not_found");   // per year
    }

    [Fact]
    public async Task Only_admins_over_the_district_write_its_rules()
    {
        var other = await slice.DistrictAsync("pm-rules-other");
        foreach (var writer in new[] { _d.StreetAdmin, _d.CommunityAdmin, other.DistrictAdmin, _d.Resident })
        {
            await (await PutAsync(2033, PartyMemberParties.Rules(1, 1, 1, 1), writer)).ExpectProblemAsync(403, "forbidden");
        }
        await (await _app.SendAsync(HttpMethod.Put, Route(2033, "org_nosuchplace"), _d.DistrictAdmin, PartyMemberParties.Rules(1, 1, 1, 1)))
            .ExpectProblemAsync(404, "not_found");
        await (await _app.SendAsync(HttpMethod.Put, Route(2033, _d.StreetId), _d.DistrictAdmin, PartyMemberParties.Rules(1, 1, 1, 1)))
            .ExpectProblemAsync(404, "not_found");
        await (await _app.SendAsync(HttpMethod.Get, Route(2033), _d.DistrictAdmin)).ExpectProblemAsync(404, "not_found");
        await (await PutAsync(2033, PartyMemberParties.Rules(1, 1, 1, 1), _d.Admin)).ExpectAsync(200);           // the bootstrap admin
    }

    public static TheoryData<string, string> BadRules => new()
    {
        { """{"sources":{"checkIn":{"points":-1,"monthlyCap":5},"attendance":{"points":1},"order":{"points":1}}}""",
            "sources.checkIn.points" },
        { """{"sources":{"checkIn":{"points":1,"monthlyCap":-5},"attendance":{"points":1},"order":{"points":1}}}""",
            "sources.checkIn.monthlyCap" },
        { """{"sources":{"checkIn":{"points":1},"attendance":{"points":101},"order":{"points":1}}}""", "sources.attendance.points" },
        { """{"sources":{"checkIn":{"points":1},"attendance":{"points":1},"order":{"points":1},"volunteering":{"points":1}}}""",
            "sources.volunteering" },
        { """{"sources":{"checkIn":{"points":1},"attendance":{"points":1}}}""", "sources.order" },
        { """{"sources":{"checkIn":{"points":1.5},"attendance":{"points":1},"order":{"points":1}}}""", "sources.checkIn.points" },
        { """{"sources":{"checkIn":{"points":1},"attendance":{"points":1},"order":{"points":1,"monthlyCap":10001}}}""",
            "sources.order.monthlyCap" },
    };

    [Theory]
    [MemberData(nameof(BadRules))]
    public async Task Refused_rules_name_the_field_and_write_nothing(string body, string field)
    {
        await (await PutAsync(2034, PartyMemberParties.Rules(4, 4, 4, 4))).ExpectAsync(200);
        var before = await (await _app.SendAsync(HttpMethod.Get, Route(2034), _d.DistrictAdmin)).ExpectAsync(200);

        var problem = await (await PutAsync(2034, body)).ExpectProblemAsync(400, "validation_failed");

        Assert.Equal([field], problem.Errors().Keys);
        var after = await (await _app.SendAsync(HttpMethod.Get, Route(2034), _d.DistrictAdmin)).ExpectAsync(200);
        Assert.Equal(before.ToJsonString(), after.ToJsonString());
    }

    [Fact]
    public async Task A_year_outside_2000_to_2200_is_400_naming_it() =>
        Assert.Equal(["year"], (await (await _app.SendAsync(HttpMethod.Get, $"api/v1/districts/{_d.DistrictId}/points/rules/1999",
            _d.DistrictAdmin)).ExpectProblemAsync(400, "validation_failed")).Errors().Keys);
}
