using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using RedYifang.Functions.Platform.Messaging;

namespace RedYifang.Functions.Tests.Activities;

/// <summary>
/// After the activity: attendance reviewed by the organiser's admins (approved once settled, declined with a reason, never
/// deleted), back-filled with a reason, hours and verified evidence, the activity closed once Evidence has announced a
/// verified photo of it, and what left for other systems. A closed activity that delivers an agreement commitment is
/// counted by the agreement.
/// </summary>
[Collection(Slices.Activities)]
public sealed class AttendanceTests(SliceApp slice) : IAsyncLifetime
{
    private readonly AppUnderTest _app = slice.App;
    private TestDistrict _d = null!;
    private TestDistrict _other = null!;
    private ActivityParties _p = null!;

    public async Task InitializeAsync()
    {
        _d = await slice.DistrictAsync("attendance");
        _other = await slice.DistrictAsync("attendance-other");
        _p = new ActivityParties(_app);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>An activity of the community that ran from 4 hours ago to 2 hours ago (check-in closed 90 minutes ago).</summary>
    private async Task<(string Id, DateTimeOffset Start)> PastAsync(string? organiser = null, object? link = null, string? asOpenId = null)
    {
        var body = ActivityParties.Body(organiser ?? _d.CommunityId, TimeSpan.FromHours(-4), TimeSpan.FromHours(2));
        if (link is (string agreementId, int index))
        {
            body["agreementId"] = agreementId;
            body["commitmentIndex"] = index;
        }
        var created = await _p.CreateAsync(asOpenId ?? _d.CommunityAdmin, body);
        return (created.Str("id"), created["startsAt"]!.GetValue<DateTimeOffset>());
    }

    /// <summary>Uploads a photo of the activity and waits until closing finds it (Evidence announces it on its queue).</summary>
    private async Task<string> VerifiedPhotoAsync(string id, string asOpenId, int seed)
    {
        var photo = await _app.UploadAsync(asOpenId, "activity", id, Photos.Jpeg(seed));
        Assert.Equal("verified", photo.Str("state"));
        return photo.Str("id");
    }

    private async Task<JsonObject> ClosedAsync(string id, string asOpenId)
    {
        HttpResponseMessage response = null!;
        await Eventually.WaitAsync(async () =>
        {
            response = await _p.PostAsync(id, "close", asOpenId);
            return response.StatusCode == System.Net.HttpStatusCode.OK;
        }, TimeSpan.FromSeconds(30));
        return await response.ExpectAsync(200);
    }

    [Fact]
    public async Task A_check_in_without_check_out_closes_at_the_end_flagged_and_is_approved_then_declined_never_deleted()
    {
        var (id, start) = await PastAsync();
        var admin = ActivityParties.Admin("usr_anyadmin", _d.CommunityId);
        var member = await TestDistrict.UserIdAsync(_app, _d.Resident);
        var other = await TestDistrict.UserIdAsync(_app, _d.OtherResident);
        await _p.CheckInAtAsync(id, member, start.AddMinutes(30), admin);                        // half an hour late, never out
        await _p.CheckInAtAsync(id, other, start.AddMinutes(-20), admin);

        var listed = await _p.AttendanceAsync(id, _d.CommunityAdmin);
        var late = listed.Single(r => r.Str("userId") == member);
        Assert.Equal((1.5m, true, false, "pending"), (late["hours"]!.GetValue<decimal>(), late["closedAtEnd"]!.GetValue<bool>(),
            late["open"]!.GetValue<bool>(), late.Str("state")));

        // Only the organiser's admins review: the participant and another district are refused, missing reasons named.
        await (await _p.PostAsync(id, $"attendance/{member}/approve", _d.Resident, new { })).ExpectProblemAsync(403, "forbidden");
        await (await _p.PostAsync(id, $"attendance/{member}/approve", _other.DistrictAdmin, new { })).ExpectProblemAsync(404, "not_found");
        await (await _p.PostAsync(id, "attendance/usr_nobodyhere/approve", _d.CommunityAdmin, new { }))
            .ExpectProblemAsync(404, "not_found");
        Assert.Equal(["reason"], (await (await _p.PostAsync(id, $"attendance/{member}/decline", _d.CommunityAdmin, new { }))
            .ExpectProblemAsync(400, "validation_failed")).Errors().Keys);

        var approved = await (await _p.PostAsync(id, $"attendance/{member}/approve", _d.CommunityAdmin, new { })).ExpectAsync(200);
        Assert.Equal("approved", approved.Str("state"));
        await (await _p.PostAsync(id, $"attendance/{member}/approve", _d.CommunityAdmin, new { }))
            .ExpectProblemAsync(409, "invalid_transition");
        var declined = await (await _p.PostAsync(id, $"attendance/{member}/decline", _d.StreetAdmin, new { reason = "实际未到场" }))
            .ExpectAsync(200);
        var step = declined["history"]!.AsArray()[^1]!;
        Assert.Equal(("decline", "approved", "declined", await TestDistrict.UserIdAsync(_app, _d.StreetAdmin), "实际未到场"),
            (step.Str("action"), step.Str("from"), step.Str("to"), step.Str("by"), step.Str("reason")));
        Assert.Equal(2, (await _p.AttendanceAsync(id, _d.CommunityAdmin)).Count);                 // declined, still there

        // What left for the points ledger: the approval and the decline, with the hours and where.
        var events = await PublishedAsync(id, e => e.Str("type").StartsWith("activity.attendance", StringComparison.Ordinal), 2);
        Assert.Equal(["activity.attendanceApproved", "activity.attendanceDeclined"], events.Select(e => e.Str("type")).Order());
        Assert.All(events, e => Assert.Equal((member, 1.5m, id, _d.CommunityId, _d.DistrictId),
            (e["data"].Str("userId"), e["data"]!["hours"]!.GetValue<decimal>(), e["data"].Str("activityId"),
                e["data"].Str("organiserOrgId"),
                e["data"].Str("districtId"))));
    }

    [Fact]
    public async Task Closing_needs_a_verified_photo_of_the_activity_and_back_filling_needs_one_too()
    {
        var (id, _) = await PastAsync();
        var notEnded = await _p.CreatedAsync(_d.CommunityAdmin,
            ActivityParties.Body(_d.CommunityId, TimeSpan.FromMinutes(-30), TimeSpan.FromHours(2)));
        var backfill = new Dictionary<string, object?>
        {
            ["userId"] = await TestDistrict.UserIdAsync(_app, _d.OtherResident), ["hours"] = 1.5m, ["reason"] = "纸质签到表补录",
        };

        var refused = await (await _p.PostAsync(id, "close", _d.CommunityAdmin)).ExpectProblemAsync(422, "evidence_not_verified");
        Assert.Equal(["evidence"], refused.Errors().Keys);
        await (await _p.PostAsync(id, "close", _d.Liaison)).ExpectProblemAsync(404, "not_found");
        var elsewhere = await PastAsync();                                              // another activity's photo does not count
        var theirs = await VerifiedPhotoAsync(elsewhere.Id, _d.CommunityAdmin, 2101);
        await ClosedAsync(elsewhere.Id, _d.CommunityAdmin);
        await (await _p.PostAsync(id, "close", _d.CommunityAdmin)).ExpectProblemAsync(422, "evidence_not_verified");
        backfill["evidenceIds"] = new[] { theirs };
        Assert.Equal(["evidenceIds"], (await (await _p.PostAsync(id, "attendance", _d.CommunityAdmin, backfill))
            .ExpectProblemAsync(422, "evidence_not_verified")).Errors().Keys);

        // Evidence of an activity: attached by whoever acts for the organiser (a resident is answered as if there were none).
        var ticket = new { ownerType = "activity", ownerId = id, fileName = "a.jpg", contentType = "image/jpeg", size = 10,
            sha256 = new string('0', 64) };
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/evidence/uploads", _d.Resident, ticket)).ExpectProblemAsync(404, "not_found");
        var ours = await VerifiedPhotoAsync(id, _d.CommunityAdmin, 2102);
        Assert.Equal([ours], (await (await _app.SendAsync(HttpMethod.Get, $"api/v1/evidence?ownerType=activity&ownerId={id}",
            _d.StreetAdmin)).ExpectAsync(200)).Ids());
        var closed = await ClosedAsync(id, _d.CommunityAdmin);
        Assert.Equal(("closed", "close"), (closed.Str("state"), closed["history"]!.AsArray()[^1].Str("action")));
        await (await _p.PostAsync(id, "close", _d.CommunityAdmin)).ExpectProblemAsync(409, "invalid_transition");

        // Back-filled after the close, with the photo: approved as written; hours beyond the activity, or a second record, refused.
        backfill["hours"] = 2.01m;
        backfill["evidenceIds"] = new[] { ours };
        Assert.Equal(["hours"], (await (await _p.PostAsync(id, "attendance", _d.CommunityAdmin, backfill))
            .ExpectProblemAsync(400, "validation_failed")).Errors().Keys);
        backfill["hours"] = 1.5m;
        await (await _p.PostAsync(id, "attendance", _d.Resident, backfill)).ExpectProblemAsync(404, "not_found");
        var written = await (await _p.PostAsync(id, "attendance", _d.CommunityAdmin, backfill)).ExpectAsync(201);
        Assert.Equal(("backfill", "approved", 1.5m, ours), (written.Str("source"), written.Str("state"),
            written["hours"]!.GetValue<decimal>(),
            written["evidenceIds"]![0]!.GetValue<string>()));
        await (await _p.PostAsync(id, "attendance", _d.CommunityAdmin, backfill)).ExpectProblemAsync(409, "attendance_exists");
        Assert.Single(await _p.AttendanceAsync(id, _d.CommunityAdmin));

        // An activity that has not ended does not close, even with its photo.
        await VerifiedPhotoAsync(notEnded, _d.CommunityAdmin, 2103);
        await (await _p.PostAsync(notEnded, "close", _d.CommunityAdmin)).ExpectProblemAsync(409, "activity_not_ended");

        var events = await PublishedAsync(id, e => e.Str("type") == "activity.stateChanged", 2);
        Assert.Equal([$"{id}-closed", $"{id}-scheduled"], events.Select(e => e.Str("id")).Order());
    }

    [Fact]
    public async Task A_closed_activity_of_a_unit_delivering_its_commitment_counts_towards_the_agreement()
    {
        var unit = await _d.OrgAsync(_app, "unit", _d.StreetId, "义诊单位", "nonPublicEnterprise");
        var liaison = await _d.UserAsync(_app, "clinic-liaison", "liaison", unit);
        var liaisonId = await TestDistrict.UserIdAsync(_app, liaison);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var agreement = (await (await _app.SendAsync(HttpMethod.Post, "api/v1/agreements", _d.StreetAdmin, new
        {
            partyOrgId = _d.StreetId, unitId = unit, liaisonUserId = liaisonId,
            termFrom = today.AddDays(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            termTo = today.AddDays(300).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            commitments = new object[]
            {
                new { category = "legalAid", kind = "funds", amount = "100.00" },
                new { category = "medical", kind = "service", target = 4 },
            },
        })).ExpectAsync(201)).Str("id");
        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/agreements/{agreement}/sign", _d.StreetAdmin)).ExpectAsync(200);
        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/agreements/{agreement}/countersign", liaison)).ExpectAsync(200);

        // The commitment must be a service one, and the organiser the agreement's unit.
        var funds = ActivityParties.Body(unit, TimeSpan.FromHours(-4), TimeSpan.FromHours(2));
        funds["agreementId"] = agreement;
        funds["commitmentIndex"] = 0;
        Assert.Equal(["commitmentIndex"], (await (await _app.SendAsync(HttpMethod.Post, "api/v1/activities", liaison, funds))
            .ExpectProblemAsync(422, "invalid_reference")).Errors().Keys);
        var notTheUnit = ActivityParties.Body(_d.UnitId, TimeSpan.FromHours(-4), TimeSpan.FromHours(2));
        notTheUnit["agreementId"] = agreement;
        notTheUnit["commitmentIndex"] = 1;
        Assert.Equal(["agreementId"], (await (await _app.SendAsync(HttpMethod.Post, "api/v1/activities", _d.StreetAdmin, notTheUnit))
            .ExpectProblemAsync(422, "invalid_reference")).Errors().Keys);

        var (id, start) = await PastAsync(unit, (agreement, 1), liaison);
        await VerifiedPhotoAsync(id, liaison, 2104);
        await (await _p.PostAsync(id, "close", liaison)).ExpectProblemAsync(403, "forbidden");   // the unit's liaison does not close
        await ClosedAsync(id, _d.StreetAdmin);

        JsonNode commitment = null!;
        await Eventually.WaitAsync(async () =>
        {
            var read = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/agreements/{agreement}", liaison)).ExpectAsync(200);
            commitment = read["fulfilment"]![1]!;
            return commitment["delivered"]!.GetValue<int>() >= 1;
        }, TimeSpan.FromSeconds(30));
        Assert.Equal((1, 0.25m), (commitment["delivered"]!.GetValue<int>(), commitment["ratio"]!.GetValue<decimal>()));
        var delivery = Assert.Single(commitment["deliveries"]!.AsArray());
        Assert.Equal(("activity", id, start), (delivery.Str("source"), delivery.Str("id"), delivery!["at"]!.GetValue<DateTimeOffset>()));
    }

    /// <summary>
    /// The integration events of one activity that reached the storage queue they leave by here (no Service Bus in slices),
    /// waiting until at least <paramref name="count"/> matching came; the others are taken off the queue and dropped.
    /// </summary>
    private async Task<List<JsonNode>> PublishedAsync(string activityId, Func<JsonNode, bool> matching, int count)
    {
        var queue = new QueueClient(slice.Storage.ConnectionString, QueueEventPublisher.Queue,
            new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var found = new List<JsonNode>();
        await Eventually.WaitAsync(async () =>
        {
            if (!await queue.ExistsAsync()) return false;
            foreach (var message in (await queue.ReceiveMessagesAsync(32)).Value)
            {
                var e = JsonNode.Parse(message.Body.ToString())!;
                if (e["data"]?["activityId"]?.GetValue<string>() == activityId && matching(e)) found.Add(e);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
            return found.Count >= count;
        }, TimeSpan.FromSeconds(30));
        return found;
    }
}
