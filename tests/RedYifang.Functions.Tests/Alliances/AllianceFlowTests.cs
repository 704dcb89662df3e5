using System.Net;

namespace RedYifang.Functions.Tests.Alliances;

/// <summary>
/// A street's alliance over HTTP: founded once per street by admins over it — of twenty asked for at once, one — read by whoever
/// acts in the street; units of the street join by invitation and acceptance, decline, leave and are invited again.
/// </summary>
[Collection(Slices.Alliances)]
public sealed class AllianceFlowTests(AlliancesApp slice)
{
    private readonly AppUnderTest _app = slice.App;

    private async Task<(TestDistrict D, AllianceParties P)> PartiesAsync()
    {
        var d = await slice.DistrictAsync("aln-flow");
        return (d, new AllianceParties(_app, d));
    }

    [Fact]
    public async Task Of_twenty_alliances_asked_for_one_street_at_once_all_having_looked_first_one_is_founded_and_nineteen_are_409()
    {
        var (_, p) = await PartiesAsync();
        var (street, admin) = await p.StreetAsync("竞争街道");

        // Every request looks for the street's alliance before any of them writes (the worst interleaving, every time).
        slice.Barrier.Arm($"'street|{street}'", 20);
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => p.CreateAsync(admin, street, $"联盟{i}")));
        var held = slice.Barrier.Disarm();

        Assert.Equal(20, held);
        var statuses = answers.Select(a => (int)a.StatusCode).ToList();
        Assert.Equal((1, 19), (statuses.Count(s => s == 201), statuses.Count(s => s == 409)));
        var made = (await answers.Single(a => a.StatusCode == HttpStatusCode.Created).ExpectAsync(201)).Str("id");
        foreach (var lost in answers.Where(a => a.StatusCode == HttpStatusCode.Conflict))
        {
            Assert.Contains(made, (await lost.ExpectProblemAsync(409, "alliance_exists")).Str("detail"));
        }
        Assert.Equal([made], (await p.ItemsAsync($"api/v1/alliances?streetId={street}", admin)).Select(i => i.Str("id")));
    }

    [Fact]
    public async Task Founding_takes_an_admin_over_a_street_and_the_alliance_is_read_by_those_acting_in_the_street()
    {
        var (d, p) = await PartiesAsync();
        var (street, admin) = await p.StreetAsync("会展联盟街道");
        var (_, liaison) = await p.UnitAsync(street, "联盟读者单位");
        var community = await d.OrgAsync(_app, "community", street, "联盟社区");
        var communityAdmin = await d.UserAsync(_app, "aln-community-admin", "communityAdmin", community);
        var (_, otherAdmin) = await p.StreetAsync("别的街道");

        await (await p.CreateAsync(communityAdmin, street)).ExpectProblemAsync(403, "forbidden");
        await (await p.CreateAsync(otherAdmin, street)).ExpectProblemAsync(403, "forbidden");
        await (await p.CreateAsync(admin, community)).ExpectProblemAsync(422, "invalid_reference");
        await (await p.CreateAsync(admin, street, " ")).ExpectProblemAsync(400, "validation_failed");
        var created = await (await p.CreateAsync(admin, street, "会展街道党建联盟")).ExpectAsync(201);
        Assert.Equal((street, d.DistrictId, "会展街道党建联盟"), (created.Str("streetId"), created.Str("districtId"), created.Str("name")));
        Assert.Null(created["currentChair"]);
        await (await p.CreateAsync(d.DistrictAdmin, street)).ExpectProblemAsync(409, "alliance_exists");

        var id = created.Str("id");
        foreach (var reader in new[] { admin, d.DistrictAdmin, communityAdmin, liaison })
        {
            Assert.Equal(id, (await (await p.GetAsync(id, reader)).ExpectAsync(200)).Str("id"));
        }
        foreach (var outsider in new[] { otherAdmin, d.Resident, d.Liaison, d.StreetAdmin })
        {
            await (await p.GetAsync(id, outsider)).ExpectProblemAsync(404, "not_found");
        }
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/alliances?streetId={street}", d.Resident))
            .ExpectProblemAsync(403, "forbidden");
        Assert.Contains(id, (await p.ItemsAsync($"api/v1/alliances?districtId={d.DistrictId}", d.DistrictAdmin)).Select(i => i.Str("id")));
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/alliances?districtId={d.DistrictId}", admin))
            .ExpectProblemAsync(403, "forbidden");
    }

    [Fact]
    public async Task Units_of_the_street_join_by_invitation_and_acceptance_decline_leave_and_are_invited_again()
    {
        var (d, p) = await PartiesAsync();
        var (street, admin) = await p.StreetAsync("成员街道");
        var id = await p.CreatedAsync(admin, street);
        var community = await d.OrgAsync(_app, "community", street, "成员社区");
        var (unitA, liaisonA) = await p.UnitAsync(community, "成员单位甲");
        var (unitB, liaisonB) = await p.UnitAsync(street, "成员单位乙");
        var (outside, _) = await p.UnitAsync(d.StreetId, "外街道单位");

        await (await p.InviteAsync(id, outside, admin)).ExpectProblemAsync(422, "invalid_reference");
        await (await p.InviteAsync(id, community, admin)).ExpectProblemAsync(422, "invalid_reference");
        await (await p.InviteAsync(id, unitA, liaisonA)).ExpectProblemAsync(403, "forbidden");
        var invited = await (await p.InviteAsync(id, unitA, admin)).ExpectAsync(201);
        Assert.Equal((unitA, "invited"), (invited.Str("unitId"), invited.Str("state")));
        await (await p.InviteAsync(id, unitA, admin)).ExpectProblemAsync(409, "alliance_member_exists");
        await (await p.InviteAsync(id, unitB, admin)).ExpectAsync(201);

        await (await p.PostAsync(id, $"invitations/{unitA}/accept", liaisonB)).ExpectProblemAsync(403, "forbidden");
        await (await p.PostAsync(id, $"invitations/{outside}/accept", admin)).ExpectProblemAsync(404, "not_found");
        Assert.Equal("active", (await (await p.PostAsync(id, $"invitations/{unitA}/accept", liaisonA)).ExpectAsync(200)).Str("state"));
        await (await p.PostAsync(id, $"invitations/{unitA}/decline", liaisonA)).ExpectProblemAsync(409, "invalid_transition");
        Assert.Equal("declined", (await (await p.PostAsync(id, $"invitations/{unitB}/decline", liaisonB)).ExpectAsync(200)).Str("state"));
        await (await p.InviteAsync(id, unitA, admin)).ExpectProblemAsync(409, "alliance_member_exists");

        Assert.Equal([unitA], (await p.ItemsAsync($"api/v1/alliances/{id}/members?state=active", liaisonB)).Select(m => m.Str("unitId")));
        Assert.Equal(new[] { unitA, unitB }.Order(StringComparer.Ordinal),
            (await p.ItemsAsync($"api/v1/alliances/{id}/members", admin)).Select(m => m.Str("unitId")));

        await (await p.PostAsync(id, $"members/{unitB}/leave", liaisonB)).ExpectProblemAsync(409, "invalid_transition");
        Assert.Equal("left", (await (await p.PostAsync(id, $"members/{unitA}/leave", liaisonA)).ExpectAsync(200)).Str("state"));
        Assert.Equal("invited", (await (await p.InviteAsync(id, unitA, admin)).ExpectAsync(201)).Str("state"));
        var again = await (await p.InviteAsync(id, unitB, admin)).ExpectAsync(201);
        Assert.Equal(["invited", "declined", "invited"], again["history"]!.AsArray().Select(s => s.Str("state")));
    }
}
