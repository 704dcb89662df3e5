using System.Text.Json.Nodes;

namespace RedYifang.Functions.Tests.Alliances;

/// <summary>
/// What the alliance slice tests share: a street of the test's own in the test district (so its alliance is the test's alone),
/// with an admin, units with liaisons under it, an alliance with members, and the routes.
/// </summary>
internal sealed class AllianceParties(AppUnderTest app, TestDistrict d)
{
    /// <summary>A street of its own and its admin: (street id, admin open id).</summary>
    public async Task<(string StreetId, string Admin)> StreetAsync(string name)
    {
        var street = await d.OrgAsync(app, "street", d.DistrictId, name);
        return (street, await d.UserAsync(app, $"{name}-admin", "streetAdmin", street));
    }

    /// <summary>A non-public enterprise under the street (or a community) and its liaison: (unit id, liaison open id).</summary>
    public async Task<(string UnitId, string Liaison)> UnitAsync(string parentId, string name)
    {
        var unit = await d.OrgAsync(app, "unit", parentId, name, "nonPublicEnterprise");
        return (unit, await d.UserAsync(app, $"{name}-liaison", "liaison", unit));
    }

    public Task<HttpResponseMessage> CreateAsync(string asOpenId, string streetId, string name = "党建联盟") =>
        app.SendAsync(HttpMethod.Post, "api/v1/alliances", asOpenId, new { streetId, name });

    public async Task<string> CreatedAsync(string asOpenId, string streetId) =>
        (await (await CreateAsync(asOpenId, streetId)).ExpectAsync(201)).Str("id");

    public Task<HttpResponseMessage> GetAsync(string id, string asOpenId) =>
        app.SendAsync(HttpMethod.Get, $"api/v1/alliances/{id}", asOpenId);

    public Task<HttpResponseMessage> PostAsync(string id, string path, string asOpenId, object? body = null) =>
        app.SendAsync(HttpMethod.Post, $"api/v1/alliances/{id}/{path}", asOpenId, body);

    public Task<HttpResponseMessage> InviteAsync(string id, string unitId, string asOpenId) =>
        PostAsync(id, "invitations", asOpenId, new { unitId });

    /// <summary>Invited by the street's admin and accepted by the unit's liaison: a member.</summary>
    public async Task MemberAsync(string id, string admin, string unitId, string liaison)
    {
        await (await InviteAsync(id, unitId, admin)).ExpectAsync(201);
        Assert.Equal("active", (await (await PostAsync(id, $"invitations/{unitId}/accept", liaison)).ExpectAsync(200)).Str("state"));
    }

    /// <summary>A street with its alliance and <paramref name="members"/> member units: (street, admin, alliance, units).</summary>
    public async Task<(string StreetId, string Admin, string AllianceId, List<(string UnitId, string Liaison)> Units)> AllianceAsync(
        string name, int members)
    {
        var (street, admin) = await StreetAsync(name);
        var id = await CreatedAsync(admin, street);
        var units = new List<(string, string)>();
        for (var i = 0; i < members; i++)
        {
            var unit = await UnitAsync(street, $"{name}单位{i + 1}");
            await MemberAsync(id, admin, unit.UnitId, unit.Liaison);
            units.Add(unit);
        }
        return (street, admin, id, units);
    }

    public async Task<List<JsonNode>> ItemsAsync(string path, string asOpenId) =>
        [.. (await (await app.SendAsync(HttpMethod.Get, path, asOpenId)).ExpectAsync(200))["items"]!.AsArray().Select(n => n!)];
}
