using System.Text.Json.Nodes;

namespace RedYifang.Functions.Tests.Resources;

/// <summary>
/// Editing a resource with <c>If-Match</c> (issue 17): the fields given replace the resource's, a stale ETag is 412 and changes
/// nothing, and the orders it can serve — where it serves now and where it served before — are ranked again. Each test uses
/// communities and a unit of its own in this class's district.
/// </summary>
[Collection(Slices.Orders)]
public sealed class ResourceEditTests(SliceApp slice) : IAsyncLifetime
{
    private readonly AppUnderTest _app = slice.App;
    private TestDistrict _d = null!;

    public async Task InitializeAsync() => _d = await slice.DistrictAsync("resedit");

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(string Unit, string Liaison)> UnitAsync(string name)
    {
        var unit = await _d.OrgAsync(_app, "unit", _d.StreetId, $"{name}中心", "socialOrganization");
        return (unit, await _d.UserAsync(_app, $"{name}-liaison", "liaison", unit));
    }

    private Task<HttpResponseMessage> PatchAsync(string id, string asUser, object body, string? ifMatch) =>
        _app.SendAsync(HttpMethod.Patch, $"api/v1/resources/{id}", asUser, body,
            ifMatch is null ? null : new Dictionary<string, string> { ["If-Match"] = ifMatch });

    private async Task<(JsonObject Resource, string ETag)> GetAsync(string id)
    {
        var response = await _app.SendAsync(HttpMethod.Get, $"api/v1/resources/{id}", _d.StreetAdmin);
        var body = await response.ExpectAsync(200);
        return (body, response.Headers.ETag!.ToString());
    }

    /// <summary>The resources suggested for the order, once <paramref name="until"/> holds (or thirty seconds pass).</summary>
    private async Task<List<string>> SuggestedAsync(string orderId, Func<List<string>, bool> until)
    {
        var ids = new List<string>();
        await Eventually.WaitAsync(async () =>
        {
            var answer = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders/{orderId}/suggestions", _d.StreetAdmin))
                .ExpectAsync(200);
            ids = answer["items"]!.AsArray().Select(s => s.Str("resourceId")).ToList();
            return answer["computedAt"] is not null && until(ids);
        }, TimeSpan.FromSeconds(30));
        return ids;
    }

    [Fact]
    public async Task An_edit_replaces_the_fields_given_and_moving_its_area_ranks_the_orders_of_both_areas_again()
    {
        var (unit, liaison) = await UnitAsync("编辑");
        var east = await _d.OrgAsync(_app, "community", _d.StreetId, "东编辑社区");
        var west = await _d.OrgAsync(_app, "community", _d.StreetId, "西编辑社区");
        var resource = await _d.PublishedResourceAsync(_app, 5, "financial", [east], unit, liaison);
        var eastOrder = await _d.PublishedOrderAsync(_app, "financial", east);
        var westOrder = await _d.PublishedOrderAsync(_app, "financial", west);
        Assert.Equal([resource], await SuggestedAsync(eastOrder, ids => ids.Count == 1));
        var (_, etag) = await GetAsync(resource);
        Assert.Equal("\"v2\"", etag);                                                             // created, then published

        var edited = await PatchAsync(resource, liaison,
            new { description = "每月两次上门理财讲座", monthlyCapacity = 3, areaIds = new[] { west }, tags = new[] { "理财" } }, etag);

        var body = await edited.ExpectAsync(200);
        Assert.Equal("\"v3\"", edited.Headers.ETag!.ToString());
        Assert.Equal(("每月两次上门理财讲座", 3, "published"),
            (body.Str("description"), body["monthlyCapacity"]!.GetValue<int>(), body.Str("state")));
        Assert.Equal([west], body["areaIds"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(["理财"], body["tags"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal("上门助老服务", body.Str("title"));                                            // untouched fields stay
        Assert.Equal([resource], await SuggestedAsync(westOrder, ids => ids.Count == 1));
        Assert.Empty(await SuggestedAsync(eastOrder, ids => ids.Count == 0));
        var listed = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/resources?areaId={west}", _d.StreetAdmin)).ExpectAsync(200);
        Assert.Equal([resource], listed.Ids());
    }

    [Fact]
    public async Task A_stale_or_missing_If_Match_a_fixed_field_a_foreign_area_or_another_unit_change_nothing()
    {
        var (unit, liaison) = await UnitAsync("过期");
        var resource = await _d.PublishedResourceAsync(_app, 5, "legalAid", [_d.StreetId], unit, liaison);
        var (before, etag) = await GetAsync(resource);
        var otherStreet = await _d.OrgAsync(_app, "street", _d.DistrictId, "别的编辑街道");

        await (await PatchAsync(resource, liaison, new { monthlyCapacity = 9 }, "\"v1\"")).ExpectProblemAsync(412, "precondition_failed");
        var missing = await (await PatchAsync(resource, liaison, new { monthlyCapacity = 9 }, null))
            .ExpectProblemAsync(400, "validation_failed");
        Assert.Equal(["If-Match"], missing.Errors().Keys);
        var fixedField = await (await PatchAsync(resource, liaison, new { title = "新标题", category = "medical" }, etag))
            .ExpectProblemAsync(400, "validation_failed");
        Assert.Equal(["category", "title"], fixedField.Errors().Keys.Order(StringComparer.Ordinal));
        await (await PatchAsync(resource, liaison, new { }, etag)).ExpectProblemAsync(400, "validation_failed");
        await (await PatchAsync(resource, liaison, new { areaIds = new[] { otherStreet } }, etag))
            .ExpectProblemAsync(422, "invalid_reference");
        await (await PatchAsync(resource, _d.Liaison, new { monthlyCapacity = 9 }, etag)).ExpectProblemAsync(403, "forbidden");

        var (after, etagAfter) = await GetAsync(resource);
        Assert.Equal((etag, before.ToJsonString()), (etagAfter, after.ToJsonString()));
    }
}
