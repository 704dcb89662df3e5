using System.Text.Json.Nodes;

namespace RedYifang.Functions.Tests.Resources;

[Collection("app")]
public sealed class ResourceTests(AppFixture fixture)
{
    private readonly AppUnderTest _app = fixture.App;
    private const string Liaison = "dev-liaison";
    private const string Unit = "org_demo-u01";

    private static Dictionary<string, object?> Valid(string? title = null) => new()
    {
        ["unitId"] = Unit, ["title"] = title ?? "法律咨询" + Guid.NewGuid().ToString("N")[..6], ["category"] = "legalAid",
        ["description"] = "每月一次律师坐班", ["kind"] = "service", ["areaIds"] = new[] { "org_demo-s1-c2" }, ["monthlyCapacity"] = 4,
        ["availability"] = new[] { new { weekday = 3, from = "14:00", to = "16:00" } }, ["validFrom"] = "2026-11-01", ["validTo"] = "2027-10-31",
        ["tags"] = new[] { "法律" },
    };

    private async Task<int> CountAsync() =>
        (await (await _app.SendAsync(HttpMethod.Get, $"api/v1/resources?unitId={Unit}&limit=100", Liaison)).ExpectAsync(200))["items"]!.AsArray().Count;

    [Fact]
    public async Task A_liaison_publishes_pauses_and_retires_a_resource()
    {
        var created = await (await _app.SendAsync(HttpMethod.Post, "api/v1/resources", Liaison, Valid())).ExpectAsync(201);
        var id = created.Str("id");
        Assert.Equal("法律援助", created.Str("categoryName"));
        Assert.Equal("published", (await (await _app.SendAsync(HttpMethod.Post, $"api/v1/resources/{id}/publish", Liaison)).ExpectAsync(200)).Str("state"));
        Assert.Equal("paused", (await (await _app.SendAsync(HttpMethod.Post, $"api/v1/resources/{id}/pause", Liaison)).ExpectAsync(200)).Str("state"));
        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/resources/{id}/pause", Liaison)).ExpectAsync(409);
        Assert.Equal("published", (await (await _app.SendAsync(HttpMethod.Post, $"api/v1/resources/{id}/publish", "dev-street")).ExpectAsync(200)).Str("state"));
        Assert.Equal("retired", (await (await _app.SendAsync(HttpMethod.Post, $"api/v1/resources/{id}/retire", Liaison)).ExpectAsync(200)).Str("state"));
        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/resources/{id}/publish", Liaison)).ExpectAsync(409);

        var byArea = await (await _app.SendAsync(HttpMethod.Get, "api/v1/resources?areaId=org_demo-s1-c2&category=legalAid&state=retired", "dev-resident")).ExpectAsync(200);
        Assert.Contains(byArea["items"]!.AsArray(), r => r.Str("id") == id);
    }

    [Fact]
    public async Task Only_the_units_liaison_or_an_admin_above_it_may_create_or_change()
    {
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/resources", "dev-resident", Valid())).ExpectAsync(403);
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/resources", "dev-community", Valid())).ExpectAsync(403); // unit hangs under the street
        var id = (await (await _app.SendAsync(HttpMethod.Post, "api/v1/resources", "dev-street", Valid())).ExpectAsync(201)).Str("id");
        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/resources/{id}/publish", "dev-resident")).ExpectAsync(403);
    }

    public static TheoryData<string, object?, string> BadFields => new()
    {
        { "category", "gardening", "category" },
        { "monthlyCapacity", 0, "monthlyCapacity" },
        { "availability", new[] { new { weekday = 8, from = "9:00", to = "08:00" } }, "availability[0].weekday" },
        { "availability", new[] { new { weekday = 1, from = "10:00", to = "09:00" } }, "availability[0].to" },
        { "validTo", "2026-10-01", "validTo" },
        { "validFrom", "01/11/2026", "validFrom" },
        { "kind", "funds", "amount" },
        { "amount", "100.00", "amount" },
        { "title", new string('题', 101), "title" },
        { "description", null, "description" },
        { "tags", Enumerable.Range(0, 11).Select(i => $"t{i}").ToArray(), "tags" },
        { "areaIds", Array.Empty<string>(), "areaIds" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Bad_input_is_a_field_error_and_writes_nothing(string field, object? value, string errorField)
    {
        var before = await CountAsync();
        var body = Valid();
        body[field] = value;
        var problem = await (await _app.SendAsync(HttpMethod.Post, "api/v1/resources", Liaison, body)).ExpectAsync(400);
        Assert.NotNull(problem["errors"]![errorField]);
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [InlineData("100.5", "100.50")]
    [InlineData("3000", "3000.00")]
    public async Task Funds_are_exact_yuan_amounts(string amount, string shown)
    {
        var body = Valid();
        body["kind"] = "funds";
        body["amount"] = amount;
        Assert.Equal(shown, (await (await _app.SendAsync(HttpMethod.Post, "api/v1/resources", Liaison, body)).ExpectAsync(201)).Str("amount"));
        body["amount"] = "10.001";
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/resources", Liaison, body)).ExpectAsync(400);
    }

    [Theory]
    [InlineData("org_demo-s2-c1")]  // another street's community
    [InlineData("org_demo-u02")]    // not an area
    [InlineData("org_nowhere")]
    public async Task Service_areas_must_lie_in_the_units_street(string area)
    {
        var before = await CountAsync();
        var body = Valid();
        body["areaIds"] = new[] { area };
        Assert.Equal("invalid_reference", (await (await _app.SendAsync(HttpMethod.Post, "api/v1/resources", Liaison, body)).ExpectAsync(422)).Str("code"));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Listing_needs_a_unit_an_area_or_a_category()
    {
        var problem = await (await _app.SendAsync(HttpMethod.Get, "api/v1/resources", Liaison)).ExpectAsync(400);
        Assert.NotNull(problem["errors"]!["areaId"]);
        var byCategory = await (await _app.SendAsync(HttpMethod.Get, "api/v1/resources?category=medical&limit=100", Liaison)).ExpectAsync(200);
        Assert.All(byCategory["items"]!.AsArray(), r => Assert.Equal("medical", r.Str("category")));
        Assert.NotEmpty(byCategory["items"]!.AsArray());
    }
}
