namespace RedYifang.Functions.Tests.Alliances;

/// <summary>
/// Part-time committee members (兼职委员) over HTTP: a person of a member unit, appointed by the street's admins, holds
/// partTimeCommitteeMember on the street (granted through Organisations) until the seat is removed or the unit leaves (revoked);
/// one seat per unit and per person; nobody appoints themselves.
/// </summary>
[Collection(Slices.Alliances)]
public sealed class CommitteeTests(AlliancesApp slice)
{
    private readonly AppUnderTest _app = slice.App;

    private async Task<bool> HoldsCommitteeRoleAsync(string openId, string streetId) =>
        (await (await _app.SendAsync(HttpMethod.Get, "api/v1/me", openId)).ExpectAsync(200))["roles"]!.AsArray()
            .Any(r => r.Str("role") == "partTimeCommitteeMember" && r!["orgId"]?.GetValue<string>() == streetId);

    /// <summary>Waits until the person holds (or no longer holds) the role; the message is handled on its queue.</summary>
    private async Task<bool> SettlesAsync(string openId, string streetId, bool holds)
    {
        await Eventually.WaitAsync(async () => await HoldsCommitteeRoleAsync(openId, streetId) == holds, TimeSpan.FromSeconds(30));
        return await HoldsCommitteeRoleAsync(openId, streetId);
    }

    private Task<HttpResponseMessage> AppointAsync(AllianceParties p, string id, string asOpenId, string userId, string unitId) =>
        p.PostAsync(id, "committee", asOpenId, new { userId, unitId });

    [Fact]
    public async Task A_person_of_a_member_unit_holds_the_role_on_the_street_while_seated_and_loses_it_when_removed()
    {
        var d = await slice.DistrictAsync("aln-committee");
        var p = new AllianceParties(_app, d);
        var (street, admin, id, units) = await p.AllianceAsync("委员街道", 2);
        var (unitA, liaisonA) = units[0];
        var (unitB, liaisonB) = units[1];
        var (invitedOnly, invitedLiaison) = await p.UnitAsync(street, "委员街道未入盟单位");
        await (await p.InviteAsync(id, invitedOnly, admin)).ExpectAsync(201);
        var (personA, personB) = (await TestDistrict.UserIdAsync(_app, liaisonA), await TestDistrict.UserIdAsync(_app, liaisonB));
        var adminId = await TestDistrict.UserIdAsync(_app, admin);

        await (await AppointAsync(p, id, admin, await TestDistrict.UserIdAsync(_app, d.Resident), unitA))
            .ExpectProblemAsync(422, "invalid_reference");                                                  // not a person of the unit
        await (await AppointAsync(p, id, admin, personB, unitA)).ExpectProblemAsync(422, "invalid_reference");
        await (await AppointAsync(p, id, admin, await TestDistrict.UserIdAsync(_app, invitedLiaison), invitedOnly))
            .ExpectProblemAsync(422, "invalid_reference");                                                  // not a member yet
        await (await AppointAsync(p, id, liaisonA, personB, unitB)).ExpectProblemAsync(403, "forbidden");
        await (await AppointAsync(p, id, admin, adminId, unitA)).ExpectProblemAsync(403, "forbidden");      // themselves

        var seat = await (await AppointAsync(p, id, admin, personA, unitA)).ExpectAsync(201);
        Assert.Equal((personA, unitA, adminId), (seat.Str("userId"), seat.Str("unitId"), seat.Str("appointedBy")));
        await (await AppointAsync(p, id, admin, personB, unitB)).ExpectAsync(201);
        Assert.True(await SettlesAsync(liaisonA, street, holds: true));
        Assert.True(await SettlesAsync(liaisonB, street, holds: true));
        // The role makes the alliance readable to its holder, as to whoever acts in the street.
        Assert.Equal(id, (await (await p.GetAsync(id, liaisonA)).ExpectAsync(200)).Str("id"));

        var second = await TestDistrict.UserIdAsync(_app, await d.UserAsync(_app, "委员甲二", "partyMember", unitA));
        await (await AppointAsync(p, id, admin, second, unitA)).ExpectProblemAsync(409, "committee_seat_taken");
        Assert.Equal([unitA, unitB], (await p.ItemsAsync($"api/v1/alliances/{id}/committee", liaisonB)).Select(s => s.Str("unitId")));

        await (await _app.SendAsync(HttpMethod.Delete, $"api/v1/alliances/{id}/committee/{personA}", liaisonB))
            .ExpectProblemAsync(403, "forbidden");
        await (await _app.SendAsync(HttpMethod.Delete, $"api/v1/alliances/{id}/committee/{personA}", admin)).ExpectAsync(204);
        await (await _app.SendAsync(HttpMethod.Delete, $"api/v1/alliances/{id}/committee/{personA}", admin))
            .ExpectProblemAsync(404, "not_found");
        Assert.False(await SettlesAsync(liaisonA, street, holds: false));

        // Leaving vacates the unit's seat, and the role goes with it.
        Assert.Equal("left", (await (await p.PostAsync(id, $"members/{unitB}/leave", liaisonB)).ExpectAsync(200)).Str("state"));
        Assert.Empty(await p.ItemsAsync($"api/v1/alliances/{id}/committee", admin));
        Assert.False(await SettlesAsync(liaisonB, street, holds: false));

        // The seat is free for another person of the unit; the unit's party member holds the role now.
        await (await AppointAsync(p, id, admin, second, unitA)).ExpectAsync(201);
        Assert.True(await SettlesAsync($"{d.Prefix}-委员甲二", street, holds: true));
    }

    [Fact]
    public async Task A_person_holds_one_seat_even_when_they_belong_to_two_member_units()
    {
        var d = await slice.DistrictAsync("aln-committee");
        var p = new AllianceParties(_app, d);
        var (_, admin, id, units) = await p.AllianceAsync("双单位街道", 2);
        var (unitA, liaisonA) = units[0];
        var person = await TestDistrict.UserIdAsync(_app, liaisonA);
        var grant = new { role = "partyMember" };
        await (await _app.SendAsync(HttpMethod.Put, $"api/v1/orgs/{units[1].UnitId}/roles/{person}", d.Admin, grant)).ExpectAsync(200);

        await (await AppointAsync(p, id, admin, person, unitA)).ExpectAsync(201);
        var problem = await (await AppointAsync(p, id, admin, person, units[1].UnitId)).ExpectProblemAsync(409, "committee_seat_taken");
        Assert.Equal(["userId"], problem.Errors().Keys);
        Assert.Single(await p.ItemsAsync($"api/v1/alliances/{id}/committee", admin));
    }
}
