using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Assessment;
using RedYifang.Functions.Platform.Periods;

namespace RedYifang.Functions.Tests.Alliances;

/// <summary>
/// Joint meetings (联席会议) over HTTP: called by the street's admins with member units attending, decisions recorded while open,
/// closed once held with minutes that are this meeting's verified evidence; then the attendance reaches the assessment — each
/// attending unit's ActivityParticipation and co-building eligibility count it; a member that attended only a meeting not closed
/// gets nothing.
/// </summary>
[Collection(Slices.Alliances)]
public sealed class MeetingTests(AlliancesApp slice)
{
    private readonly AppUnderTest _app = slice.App;

    private static object Meeting(DateTimeOffset at, params string[] attendingUnitIds) =>
        new { at, agenda = "共驻共建年度计划", attendingUnitIds };

    /// <summary>A time an hour ago, in whole seconds and with China's offset (as a console would send it).</summary>
    private static DateTimeOffset HourAgo() =>
        DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds()).ToOffset(ChinaTime.Offset);

    [Fact]
    public async Task A_meeting_of_member_units_records_decisions_and_closes_once_held_with_verified_minutes_of_its_own()
    {
        var d = await slice.DistrictAsync("aln-meetings");
        var p = new AllianceParties(_app, d);
        var (street, admin, id, units) = await p.AllianceAsync("会议街道", 2);
        var (outsider, _) = await p.UnitAsync(street, "会议街道非成员");
        var (unitA, liaisonA) = units[0];

        var refused = await (await p.PostAsync(id, "meetings", admin, Meeting(HourAgo(), unitA, outsider)))
            .ExpectProblemAsync(422, "invalid_reference");
        Assert.Equal(["attendingUnitIds[1]"], refused.Errors().Keys);
        await (await p.PostAsync(id, "meetings", liaisonA, Meeting(HourAgo(), unitA))).ExpectProblemAsync(403, "forbidden");
        await (await p.PostAsync(id, "meetings", admin, Meeting(HourAgo(), unitA, unitA))).ExpectProblemAsync(400, "validation_failed");

        var ahead = (await (await p.PostAsync(id, "meetings", admin, Meeting(HourAgo().AddDays(2), unitA))).ExpectAsync(201)).Str("id");
        var held = await (await p.PostAsync(id, "meetings", admin, Meeting(HourAgo(), unitA, units[1].UnitId))).ExpectAsync(201);
        var meeting = held.Str("id");
        Assert.Equal(("scheduled", 2), (held.Str("state"), held["attendingUnitIds"]!.AsArray().Count));

        await (await p.PostAsync(id, $"meetings/{meeting}/decisions", liaisonA, new { text = "x" })).ExpectProblemAsync(403, "forbidden");
        await (await p.PostAsync(id, $"meetings/{meeting}/decisions", admin, new { text = "每季度联合开展一次义诊" })).ExpectAsync(200);
        var decided = await (await p.PostAsync(id, $"meetings/{meeting}/decisions", admin, new { text = "轮值主席下半年由成员单位乙担任" }))
            .ExpectAsync(200);
        Assert.Equal(2, decided["decisions"]!.AsArray().Count);

        // Minutes are the street admins' to file; a member unit's liaison reads them.
        var photo = await _app.UploadAsync(admin, "meeting", meeting, Photos.Jpeg(7101));
        Assert.Equal("verified", photo.Str("state"));
        var early = await _app.UploadAsync(admin, "meeting", ahead, Photos.Jpeg(7102));
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/evidence/uploads", liaisonA, new
        {
            ownerType = "meeting", ownerId = meeting, fileName = "纪要.jpg", contentType = "image/jpeg", size = 10,
            sha256 = new string('0', 64),
        })).ExpectProblemAsync(403, "forbidden");
        var filed = await p.ItemsAsync($"api/v1/evidence?ownerType=meeting&ownerId={meeting}", liaisonA);
        Assert.Equal([photo.Str("id")], filed.Select(e => e.Str("id")));

        Task<HttpResponseMessage> Close(string which, JsonObject minutes) =>
            p.PostAsync(id, $"meetings/{which}/close", admin, new { minutesEvidenceIds = new[] { minutes.Str("id") } });
        await (await Close(meeting, early)).ExpectProblemAsync(422, "evidence_not_verified");          // another meeting's
        await (await Close(ahead, early)).ExpectProblemAsync(409, "meeting_not_held");
        var closed = await (await Close(meeting, photo)).ExpectAsync(200);
        Assert.Equal(("closed", photo.Str("id")), (closed.Str("state"), closed["minutesEvidenceIds"]![0]!.GetValue<string>()));
        await (await Close(meeting, photo)).ExpectProblemAsync(409, "invalid_transition");
        await (await p.PostAsync(id, $"meetings/{meeting}/decisions", admin, new { text = "再议" }))
            .ExpectProblemAsync(409, "invalid_transition");

        Assert.Equal([meeting, ahead], (await p.ItemsAsync($"api/v1/alliances/{id}/meetings", liaisonA)).Select(m => m.Str("id")));
        Assert.Equal("closed", (await (await _app.SendAsync(HttpMethod.Get, $"api/v1/alliances/{id}/meetings/{meeting}", liaisonA))
            .ExpectAsync(200)).Str("state"));
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/alliances/{id}/meetings/{meeting}", d.Liaison))
            .ExpectProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task A_closed_meetings_attendance_counts_as_activity_participation_for_the_units_that_attended_and_an_open_ones_for_none()
    {
        var d = await slice.DistrictAsync("aln-assessment");
        var p = new AllianceParties(_app, d);
        var (_, admin, id, units) = await p.AllianceAsync("考核街道", 3);
        var (attending, absent) = (units.Take(2).Select(u => u.UnitId).ToList(), units[2].UnitId);
        var at = HourAgo();
        // The third unit attends a meeting that is held but never closed: it counts for nothing.
        await (await p.PostAsync(id, "meetings", admin, Meeting(at, absent))).ExpectAsync(201);
        var meeting = (await (await p.PostAsync(id, "meetings", admin, Meeting(at, [.. attending]))).ExpectAsync(201)).Str("id");
        var minutes = await _app.UploadAsync(admin, "meeting", meeting, Photos.Jpeg(7103));
        await (await p.PostAsync(id, $"meetings/{meeting}/close", admin, new { minutesEvidenceIds = new[] { minutes.Str("id") } }))
            .ExpectAsync(200);

        Period.TryParse(ChinaTime.Month(at), out var month);
        var facts = _app.Services.GetRequiredService<FactStore>();
        foreach (var unit in attending)
        {
            List<Fact> found = [];
            await Eventually.WaitAsync(async () => (found = await facts.FactsAsync(month, d.DistrictId, unit)).Count > 0,
                TimeSpan.FromSeconds(30));
            var fact = Assert.Single(found);
            Assert.Equal((FactKind.ActivityClosed, meeting, at), (fact.Kind, fact.ActivityId, fact.At));
        }
        Assert.Empty(await facts.FactsAsync(month, d.DistrictId, absent));

        await _app.Services.GetRequiredService<AssessmentRuns>().RunAsync(d.DistrictId, month, CancellationToken.None);
        var url = $"api/v1/rankings/{month.Text}?districtId={d.DistrictId}&peerGroup=nonPublicEnterprise";
        var ranking = await (await _app.Http.GetAsync(url)).ExpectAsync(200);
        var eligible = ranking["items"]!.AsArray().ToDictionary(i => i.Str("orgId"), i => i!["eligible"]!.GetValue<bool>());
        Assert.Equal((true, true, false), (eligible[attending[0]], eligible[attending[1]], eligible[absent]));
        foreach (var (unit, participation) in new[] { (attending[0], 1.0), (attending[1], 1.0), (absent, 0.0) })
        {
            var breakdown = await (await _app.Http.GetAsync($"api/v1/rankings/{month.Text}/orgs/{unit}")).ExpectAsync(200);
            var indicator = breakdown["item"]!["indicators"]!.AsArray().Single(i => i.Str("indicator") == "activityParticipation");
            Assert.Equal(participation, indicator!["raw"]!.GetValue<double>());
        }
    }
}
