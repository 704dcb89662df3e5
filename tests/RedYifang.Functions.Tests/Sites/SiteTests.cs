using System.Net;

namespace RedYifang.Functions.Tests.Sites;

/// <summary>
/// Sites (阵地) over HTTP: registered by whoever acts for the owner, read by them and — when shared — by the organisations of the
/// street, listed per owner, street or community with what the caller may see, and edited only over the version read (If-Match).
/// </summary>
[Collection(Slices.Sites)]
public sealed class SiteTests(SitesApp slice) : IAsyncLifetime
{
    private readonly AppUnderTest _app = slice.App;
    private SiteWorld _w = null!;
    private SiteParties _p = null!;

    private TestDistrict D => _w.D;

    public async Task InitializeAsync()
    {
        _w = await SiteWorld.CreateAsync(slice, "sites");
        _p = new SiteParties(_app);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_liaison_registers_its_units_site_and_reads_it_back_with_the_versions_ETag()
    {
        var response = await _app.SendAsync(HttpMethod.Post, "api/v1/sites", D.Liaison, SiteParties.Body(D.UnitId, "partyMembersHomeBase",
            floorAreaM2: 86.25m, openingHours: new Dictionary<string, string> { ["sat"] = "09:00-12:00", ["mon"] = "08:00-20:00" }));
        var created = await response.ExpectAsync(201);
        var id = created.Str("id");

        Assert.Equal($"/api/v1/sites/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"v1\"", response.Headers.ETag?.Tag);
        Assert.Equal((D.DistrictId, D.StreetId, D.UnitId, "partyMembersHomeBase", "党员之家", 86.25m, 1),
            (created.Str("districtId"), created.Str("streetId"), created.Str("ownerOrgId"), created.Str("kind"), created.Str("kindName"),
                created["floorAreaM2"]!.GetValue<decimal>(), created["version"]!.GetValue<int>()));
        Assert.Equal(["mon", "sat"], created["openingHours"]!.AsObject().Select(d => d.Key));

        var read = await _p.GetAsync(id, D.Liaison);
        Assert.Equal("\"v1\"", read.Headers.ETag?.Tag);
        Assert.Equal(created.ToJsonString(), (await read.ExpectAsync(200)).ToJsonString());
        await (await _p.GetAsync(id, D.StreetAdmin)).ExpectAsync(200);
    }

    [Fact]
    public async Task Registering_for_an_owner_one_does_not_act_for_is_403_an_owner_that_keeps_no_sites_422_bad_fields_400_and_none_writes()
    {
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/sites", _w.NeighbourLiaison, SiteParties.Body(D.UnitId)))
            .ExpectProblemAsync(403, "forbidden");
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/sites", _w.Community2Admin, SiteParties.Body(D.CommunityId)))
            .ExpectProblemAsync(403, "forbidden");
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/sites", D.CommunityAdmin, SiteParties.Body(D.GridId)))
            .ExpectProblemAsync(422, "invalid_reference");

        var bad = SiteParties.Body(D.UnitId, floorAreaM2: 10.125m);
        bad["openingHours"] = new Dictionary<string, string> { ["mon"] = "20:00-08:00", ["Monday"] = "08:00-20:00" };
        bad["capacity"] = 0;
        var refused = await (await _app.SendAsync(HttpMethod.Post, "api/v1/sites", D.Liaison, bad))
            .ExpectProblemAsync(400, "validation_failed");
        Assert.Equal(["capacity", "floorAreaM2", "openingHours", "openingHours.mon"], refused.Errors().Keys.Order(StringComparer.Ordinal));
        // A number as a string is a type error, as everywhere in this API.
        var text = SiteParties.Body(D.UnitId);
        text["floorAreaM2"] = "120.5";
        Assert.Equal(["floorAreaM2"], (await (await _app.SendAsync(HttpMethod.Post, "api/v1/sites", D.Liaison, text))
            .ExpectProblemAsync(400, "validation_failed")).Errors().Keys);

        Assert.Empty(await _p.ListAsync(D.DistrictAdmin, $"ownerOrgId={D.GridId}"));
        Assert.Empty(await _p.ListAsync(D.DistrictAdmin, $"ownerOrgId={D.UnitId}&kind=redCultureBase"));
        Assert.Empty(await _p.ListAsync(D.DistrictAdmin, $"ownerOrgId={D.CommunityId}&kind=liaisonStation"));
    }

    [Fact]
    public async Task A_site_not_shared_is_seen_by_its_owners_only_a_shared_one_by_the_organisations_of_its_street()
    {
        var own = await _p.CreatedAsync(D.Liaison, SiteParties.Body(D.UnitId, "enterprisePartyBase"));
        var shared = await _p.CreatedAsync(D.Liaison, SiteParties.Body(D.UnitId, "volunteerServiceBase", sharedUse: true));

        foreach (var reader in new[] { D.Liaison, D.StreetAdmin, D.DistrictAdmin })
        {
            await (await _p.GetAsync(own, reader)).ExpectAsync(200);
        }
        foreach (var stranger in new[] { _w.NeighbourLiaison, D.CommunityAdmin, _w.Community2Admin, _w.Street2Liaison, D.Resident })
        {
            await (await _p.GetAsync(own, stranger)).ExpectProblemAsync(404, "not_found");
        }
        foreach (var neighbour in new[] { _w.NeighbourLiaison, D.CommunityAdmin, _w.Community2Admin })
        {
            await (await _p.GetAsync(shared, neighbour)).ExpectAsync(200);
        }
        await (await _p.GetAsync(shared, _w.Street2Liaison)).ExpectProblemAsync(404, "not_found");
        await (await _p.GetAsync(shared, D.Resident)).ExpectProblemAsync(404, "not_found");

        // Listing the street: the neighbour sees the shared site and not the other; the street's admin both.
        var seenByNeighbour = await _p.ListAsync(_w.NeighbourLiaison, $"streetId={D.StreetId}");
        Assert.Contains(shared, seenByNeighbour);
        Assert.DoesNotContain(own, seenByNeighbour);
        Assert.Superset(new HashSet<string> { own, shared }, (await _p.ListAsync(D.StreetAdmin, $"streetId={D.StreetId}")).ToHashSet());
        Assert.Equal([shared], await _p.ListAsync(D.StreetAdmin, $"ownerOrgId={D.UnitId}&kind=volunteerServiceBase"));
        Assert.Empty(await _p.ListAsync(_w.Street2Liaison, $"ownerOrgId={D.UnitId}"));

        await (await _app.SendAsync(HttpMethod.Get, "api/v1/sites", D.StreetAdmin)).ExpectProblemAsync(400, "validation_failed");
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/sites?streetId={D.StreetId}&communityId={D.CommunityId}", D.StreetAdmin))
            .ExpectProblemAsync(400, "validation_failed");
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/sites?streetId={D.CommunityId}", D.StreetAdmin))
            .ExpectProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task An_edit_names_the_version_it_read_a_stale_one_is_412_and_changes_nothing()
    {
        var id = await _p.CreatedAsync(D.Liaison, SiteParties.Body(D.UnitId, "theoryStudyBase", sharedUse: true));

        var edited = await _p.PatchAsync(id, D.Liaison, new { floorAreaM2 = 150.75m, facilities = new[] { "图书角", "投影仪" } }, "\"v1\"");
        var v2 = await edited.ExpectAsync(200);
        Assert.Equal("\"v2\"", edited.Headers.ETag?.Tag);
        Assert.Equal((150.75m, 2, "theoryStudyBase", 40), (v2["floorAreaM2"]!.GetValue<decimal>(), v2["version"]!.GetValue<int>(),
            v2.Str("kind"), v2["capacity"]!.GetValue<int>()));
        Assert.Equal(["图书角", "投影仪"], v2["facilities"]!.AsArray().Select(f => f!.GetValue<string>()));

        await (await _p.PatchAsync(id, D.Liaison, new { capacity = 5 }, "\"v1\"")).ExpectProblemAsync(412, "precondition_failed");
        Assert.Equal(["If-Match"], (await (await _p.PatchAsync(id, D.Liaison, new { capacity = 5 }, null))
            .ExpectProblemAsync(400, "validation_failed")).Errors().Keys);
        Assert.Equal(["kind"], (await (await _p.PatchAsync(id, D.Liaison, new { kind = "serviceStation" }, "\"v2\""))
            .ExpectProblemAsync(400, "validation_failed")).Errors().Keys);
        // The neighbour sees the shared site and may book it, but not edit it; a stranger does not see it.
        await (await _p.PatchAsync(id, _w.NeighbourLiaison, new { capacity = 5 }, "\"v2\"")).ExpectProblemAsync(403, "forbidden");
        await (await _p.PatchAsync(id, _w.Street2Liaison, new { capacity = 5 }, "\"v2\"")).ExpectProblemAsync(404, "not_found");

        var now = await (await _p.GetAsync(id, D.Liaison)).ExpectAsync(200);
        Assert.Equal(v2.ToJsonString(), now.ToJsonString());
        await (await _p.PatchAsync(id, D.StreetAdmin, new { sharedUse = false }, "*")).ExpectAsync(200);
    }

    [Fact]
    public async Task Of_ten_edits_at_once_over_the_same_version_exactly_one_is_made_and_the_others_are_412()
    {
        var id = await _p.CreatedAsync(D.Liaison, SiteParties.Body(D.UnitId, "redPropertyBase"));

        var answers = await Task.WhenAll(Enumerable.Range(1, 10).Select(n => _p.PatchAsync(id, D.Liaison, new { capacity = n }, "\"v1\"")));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(9, answers.Count(a => a.StatusCode == HttpStatusCode.PreconditionFailed));
        var winner = await answers.Single(a => a.StatusCode == HttpStatusCode.OK).ExpectAsync(200);
        var now = await (await _p.GetAsync(id, D.Liaison)).ExpectAsync(200);
        Assert.Equal((2, winner["capacity"]!.GetValue<int>()), (now["version"]!.GetValue<int>(), now["capacity"]!.GetValue<int>()));
    }
}
