using System.Text.Json.Nodes;

namespace RedYifang.Functions.Tests.Agreements;

/// <summary>
/// What the agreement slice tests share: a unit of the test district's street with a liaison of its own (each test its own
/// unit, so a pair's agreements and a unit's list are the test's alone), an agreement body, and today in China.
/// </summary>
internal sealed class AgreementParties(AppUnderTest app, TestDistrict d)
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A unit under the street (or a volunteer team) and its liaison: (unit id, liaison open id, liaison user id).</summary>
    public async Task<(string UnitId, string Liaison, string LiaisonUserId)> UnitAsync(string name, string kind = "unit")
    {
        var unit = await d.OrgAsync(app, kind, d.StreetId, name, kind == "unit" ? "nonPublicEnterprise" : null);
        var liaison = await d.UserAsync(app, $"{name}-liaison", "liaison", unit);
        return (unit, liaison, await TestDistrict.UserIdAsync(app, liaison));
    }

    /// <summary>A body for <c>POST /v1/agreements</c>: 4 medical services and 5000 yuan unless other commitments are given.</summary>
    public static object Body(string partyOrgId, string unitId, string liaisonUserId, string termFrom, string termTo,
        object[]? commitments = null) => new
        {
            partyOrgId, unitId, termFrom, termTo, liaisonUserId,
            commitments = commitments ??
            [
                new { category = "medical", kind = "service", target = 4, description = "义诊每年 4 次" },
                new { category = "medical", kind = "funds", amount = "5000.00", description = (string?)null },
            ],
        };

    public async Task<JsonObject> CreateAsync(string asOpenId, object body) =>
        await (await app.SendAsync(HttpMethod.Post, "api/v1/agreements", asOpenId, body)).ExpectAsync(201);

    public Task<HttpResponseMessage> ActAsync(string id, string action, string asOpenId, object? body = null) =>
        app.SendAsync(HttpMethod.Post, $"api/v1/agreements/{id}/{action}", asOpenId, body);

    /// <summary>Created by the street admin, signed by them and countersigned by the liaison: active.</summary>
    public async Task<string> ActiveAsync(object body, string liaison)
    {
        var id = (await CreateAsync(d.StreetAdmin, body)).Str("id");
        await (await ActAsync(id, "sign", d.StreetAdmin)).ExpectAsync(200);
        Assert.Equal("active", (await (await ActAsync(id, "countersign", liaison)).ExpectAsync(200)).Str("state"));
        return id;
    }

    public async Task<JsonObject> GetAsync(string id, string asOpenId) =>
        await (await app.SendAsync(HttpMethod.Get, $"api/v1/agreements/{id}", asOpenId)).ExpectAsync(200);

    public async Task<List<string>> ListAsync(string orgId, string asOpenId, string query = "") =>
        (await (await app.SendAsync(HttpMethod.Get, $"api/v1/agreements?orgId={orgId}{query}&limit=100", asOpenId)).ExpectAsync(200))
            .Ids();
}
