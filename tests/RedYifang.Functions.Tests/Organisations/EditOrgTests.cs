using System.Text.Json.Nodes;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Organisations;

namespace RedYifang.Functions.Tests.Organisations;

/// <summary>
/// Editing organisations (<c>PATCH /v1/orgs/{id}</c>) over the version read (If-Match), each edit with its history entry, and
/// the party counts in force at an instant that Funding asks for (<see cref="IPartyCounts"/>), read from that history.
/// </summary>
[Collection(Slices.Organisations)]
public sealed class EditOrgTests(SliceApp slice) : IAsyncLifetime
{
    private readonly AppUnderTest _app = slice.App;
    private TestDistrict _d = null!;

    public async Task InitializeAsync() => _d = await slice.DistrictAsync("editorg");

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpResponseMessage> PatchAsync(string id, string asOpenId, object body, string? ifMatch) =>
        _app.SendAsync(HttpMethod.Patch, $"api/v1/orgs/{id}", asOpenId, body,
            ifMatch is null ? null : new Dictionary<string, string> { ["If-Match"] = ifMatch });

    private static string Text(JsonNode? value)
    {
        if (value is null) return "null";
        return value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
    }

    private async Task<(JsonObject Org, string ETag)> ReadAsync(string id)
    {
        var response = await _app.SendAsync(HttpMethod.Get, $"api/v1/orgs/{id}", _d.StreetAdmin);
        return (await response.ExpectAsync(200), response.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task An_edit_over_the_version_read_changes_the_figures_and_appends_who_when_and_old_to_new()
    {
        var unit = await _d.OrgAsync(_app, "unit", _d.StreetId, "编辑单位", "agency");
        var (_, etag) = await ReadAsync(unit);

        var response = await PatchAsync(unit, _d.StreetAdmin, new { partyBranches = 2, partyMembers = 31, address = "会展大街 1 号" }, etag);
        var edited = await response.ExpectAsync(200);
        Assert.Equal((2, 31, "会展大街 1 号"), (edited["partyBranches"]!.GetValue<int>(), edited["partyMembers"]!.GetValue<int>(),
            edited.Str("address")));
        var (read, newTag) = await ReadAsync(unit);
        Assert.Equal(response.Headers.ETag!.ToString(), newTag);
        Assert.NotEqual(etag, newTag);
        Assert.Equal(31, read["partyMembers"]!.GetValue<int>());

        var history = (await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orgs/{unit}/history", _d.StreetAdmin)).ExpectAsync(200))
            ["items"]!.AsArray();
        var entry = Assert.Single(history)!;
        Assert.Equal(await TestDistrict.UserIdAsync(_app, _d.StreetAdmin), entry.Str("by"));
        Assert.Equal(
            ["address:null→会展大街 1 号", "partyBranches:null→2", "partyMembers:null→31"],
            entry["changes"]!.AsArray().Select(c => $"{c.Str("field")}:{Text(c!["from"])}→{Text(c["to"])}"));
    }

    [Fact]
    public async Task Without_If_Match_400_over_a_stale_version_412_by_a_liaison_403_and_none_writes()
    {
        var unit = await _d.OrgAsync(_app, "unit", _d.StreetId, "旧版本单位", "agency");
        var (_, etag) = await ReadAsync(unit);
        await (await PatchAsync(unit, _d.StreetAdmin, new { partyMembers = 5 }, etag)).ExpectAsync(200);

        var missing = await (await PatchAsync(unit, _d.StreetAdmin, new { partyMembers = 6 }, null))
            .ExpectProblemAsync(400, "validation_failed");
        Assert.Contains("If-Match", missing.Errors().Keys);
        await (await PatchAsync(unit, _d.StreetAdmin, new { partyMembers = 7 }, etag)).ExpectProblemAsync(412, "precondition_failed");
        var (_, current) = await ReadAsync(unit);
        await (await PatchAsync(unit, _d.Liaison, new { partyMembers = 8 }, current)).ExpectProblemAsync(403, "forbidden");
        var households = await (await PatchAsync(unit, _d.StreetAdmin, new { households = 10 }, current)).ExpectProblemAsync(400,
            "validation_failed");
        Assert.Equal(["households"], households.Errors().Keys);

        var (after, _) = await ReadAsync(unit);
        Assert.Equal(5, after["partyMembers"]!.GetValue<int>());
        var history = (await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orgs/{unit}/history", _d.StreetAdmin)).ExpectAsync(200))
            ["items"]!.AsArray();
        Assert.Single(history);
    }

    [Fact]
    public async Task Ten_edits_at_once_over_one_version_make_one_edit_and_one_history_entry()
    {
        var (_, etag) = await ReadAsync(_d.GridId);
        var answers = await Task.WhenAll(Enumerable.Range(1, 10)
            .Select(i => PatchAsync(_d.GridId, _d.CommunityAdmin, new { households = 100 + i }, etag)));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(9, answers.Count(a => a.StatusCode == HttpStatusCode.PreconditionFailed));
        var history = (await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orgs/{_d.GridId}/history", _d.CommunityAdmin)).ExpectAsync(200))
            ["items"]!.AsArray();
        var (grid, _) = await ReadAsync(_d.GridId);
        Assert.Equal(grid["households"]!.GetValue<int>(), Assert.Single(history)!["after"]!["households"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_party_counts_in_force_at_an_instant_are_those_of_the_history_then()
    {
        var street = await _d.OrgAsync(_app, "street", _d.DistrictId, "计数街道");
        var unit = await _d.OrgAsync(_app, "unit", street, "计数单位", "stateEnterprise");
        var counts = _app.Services.GetRequiredService<IPartyCounts>();
        await (await PatchAsync(unit, _d.Admin, new { partyBranches = 1, partyMembers = 10 }, "*")).ExpectAsync(200);
        await (await PatchAsync(unit, _d.Admin, new { partyBranches = 3, partyMembers = 12 }, "*")).ExpectAsync(200);
        var late = await _d.OrgAsync(_app, "unit", street, "后来单位", "agency");
        var edits = (await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orgs/{unit}/history", _d.Admin)).ExpectAsync(200))["items"]!
            .AsArray().Select(e => e!["at"]!.GetValue<DateTimeOffset>()).ToList();
        var (created, between) = (edits[0].AddTicks(-1), edits[0]);

        static string Show(IReadOnlyList<PartyCountsAt> all) =>
            string.Join(";", all.Select(c => $"{c.Name}:{c.PartyBranches?.ToString() ?? "-"}/{c.PartyMembers?.ToString() ?? "-"}"));
        Assert.Equal("计数单位（editorg）:-/-", Show(await counts.AsOfAsync(street, OrgKind.Unit, created, CancellationToken.None)));
        Assert.Equal("计数单位（editorg）:1/10", Show(await counts.AsOfAsync(street, OrgKind.Unit, between, CancellationToken.None)));
        var now = await counts.AsOfAsync(street, OrgKind.Unit, DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.Equal("计数单位（editorg）:3/12;后来单位（editorg）:-/-", Show([.. now.OrderBy(c => c.OrgId == late)]));
    }
}
