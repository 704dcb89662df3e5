using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RedYifang.Functions.Agreements;
using RedYifang.Functions.Evaluations;
using RedYifang.Functions.Platform.Messaging;
using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Tests.Activities;
using RedYifang.Functions.Tests.Orders;
using RedYifang.Functions.Tests.Sites;

namespace RedYifang.Functions.Tests.Platform.Messaging;

/// <summary>
/// One app publishing to an AMQP peer (the Service Bus client on the wire, as in production), on a clock that follows the real
/// one and that the evaluations test moves ahead for a while (<see cref="ShiftedClock"/>). <see cref="Wire"/> waits for events of a
/// type and checks each against docs/events.md.
/// </summary>
public sealed class EventWireApp : SliceApp
{
    public const string Collection = "event wire";

    public ServiceBusPeer Peer { get; } = new();

    public ShiftedClock Clock { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["ServiceBus:ConnectionString"] = Peer.ConnectionString };

    protected override void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton<TimeProvider>(Clock);

    public Task<TestDistrict> WireDistrictAsync() => DistrictAsync("wire");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Peer.Dispose();
    }

    /// <summary>An event as it arrived: the message's id, subject and application properties, and its body.</summary>
    public sealed record Received(string Id, string Subject, string? TypeProperty, int? DataVersion, string? OccurredAt, string Body)
    {
        public JsonObject Data => JsonNode.Parse(Body)!.AsObject();
    }

    /// <summary>Everything the peer received on the topic so far.</summary>
    public IReadOnlyList<Received> All() =>
    [
        .. Peer.Received.ToList().Where(r => r.Entity == "redyifang-events").Select(r => new Received(
            (string)r.Message.Properties.MessageId,
            r.Message.Properties.Subject,
            r.Message.ApplicationProperties?["type"] as string,
            r.Message.ApplicationProperties?["dataVersion"] as int?,
            r.Message.ApplicationProperties?["occurredAt"] as string,
            BodyText(r.Message))),
    ];

    /// <summary>
    /// Waits until at least <paramref name="count"/> events of the type whose data satisfies <paramref name="match"/> arrived, then
    /// checks each: its subject and <c>type</c> property are the type, <c>dataVersion</c> its version, <c>occurredAt</c> an
    /// instant, and its data has exactly the fields docs/events.md lists, of the types it states. Returns their data.
    /// </summary>
    public async Task<List<JsonObject>> Wire(IntegrationEventType type, Func<JsonObject, bool> match, int count = 1)
    {
        List<Received> found = [];
        await Eventually.WaitAsync(() =>
        {
            found = [.. All().Where(r => r.Subject == type.Name && match(r.Data))];
            return Task.FromResult(found.Count >= count);
        }, TimeSpan.FromSeconds(30));
        Assert.True(found.Count >= count, $"{found.Count} of {count} {type} arrived");
        var section = EventCatalogueDoc.Current.Sections[type.Name];
        foreach (var r in found)
        {
            Assert.Equal((type.Name, type.Version), (r.TypeProperty, r.DataVersion));
            Assert.True(DateTimeOffset.TryParse(r.OccurredAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out _), r.OccurredAt);
            Assert.Empty(section.Misfits(r.Data));
        }
        Assert.Equal(found.Count, found.Select(r => r.Id).Distinct().Count());
        return [.. found.Select(r => r.Data)];
    }

    /// <summary>The one event of the type whose data names <paramref name="value"/> in <paramref name="field"/>.</summary>
    public async Task<JsonObject> One(IntegrationEventType type, string field, string value) =>
        Assert.Single(await Wire(type, d => d[field]?.GetValue<string>() == value));

    private static string BodyText(Amqp.Message message) => message.Body switch
    {
        byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes),
        Amqp.Framing.Data data => System.Text.Encoding.UTF8.GetString(data.Binary),
        var other => other?.ToString() ?? "",
    };
}

/// <summary>The real clock, moved by <see cref="Offset"/>.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}

[CollectionDefinition(EventWireApp.Collection)]
public sealed class EventWireSlice : ICollectionFixture<EventWireApp>;

/// <summary>
/// Every type of integration event (docs/events.md) caused through the API — the timers' through their use cases — and received
/// on the AMQP peer with its version and the documented fields; no phone number or resident's id in any of them. One app and
/// one district for all; each test creates what its types need once.
/// </summary>
[Collection(EventWireApp.Collection)]
public sealed class EventWireTests(EventWireApp slice) : IAsyncLifetime
{
    private const string Phone = "13812341234";
    private readonly AppUnderTest _app = slice.App;
    private TestDistrict _d = null!;

    public async Task InitializeAsync() => _d = await slice.WireDistrictAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpResponseMessage> Post(string path, string asOpenId, object? body = null) =>
        _app.SendAsync(HttpMethod.Post, path, asOpenId, body ?? new { });

    private Task<HttpResponseMessage> Patch(string path, string asOpenId, object body, string ifMatch) =>
        _app.SendAsync(HttpMethod.Patch, path, asOpenId, body, new Dictionary<string, string> { ["If-Match"] = ifMatch });

    [Fact]
    public async Task Orders_resources_and_evidence_publish_each_step_with_no_personal_data()
    {
        // A resource listed, published and edited.
        var resource = (await (await Post("api/v1/resources", _d.Liaison, new
        {
            unitId = _d.UnitId, title = "上门助老服务", category = "elderlyCare", description = "每周两次上门打扫与陪护", kind = "service",
            areaIds = new[] { _d.StreetId }, monthlyCapacity = 8,
            availability = new[] { new { weekday = 2, from = "09:00", to = "17:00" } },
            validFrom = "2026-01-01", validTo = "2030-12-31", tags = new[] { "助老" },
        })).ExpectAsync(201)).Str("id");
        await (await Post($"api/v1/resources/{resource}/publish", _d.Liaison)).ExpectAsync(200);
        await (await Patch($"api/v1/resources/{resource}", _d.Liaison, new { monthlyCapacity = 12 }, "\"v2\"")).ExpectAsync(200);

        // An order's whole walk: claimed, matched, served with a photo, accepted (a delivery of the unit's), rated.
        var order = (await _d.SubmitOrderAsync(_app)).Str("id");
        await (await Post($"api/v1/orders/{order}/publish", _d.CommunityAdmin)).ExpectAsync(200);
        await (await Post($"api/v1/orders/{order}/claim", _d.Liaison, new { resourceId = resource })).ExpectAsync(200);
        await (await Post($"api/v1/orders/{order}/match", _d.CommunityAdmin, new { resourceId = resource })).ExpectAsync(200);
        await (await Post($"api/v1/orders/{order}/agree", _d.Liaison)).ExpectAsync(200);
        await (await Post($"api/v1/orders/{order}/start", _d.Liaison)).ExpectAsync(200);
        var photo = await _app.UploadAsync(_d.Liaison, "order", order, Photos.Jpeg(4701));
        Assert.Equal("verified", photo.Str("state"));
        await (await Post($"api/v1/orders/{order}/complete", _d.Liaison,
            new { evidenceIds = new[] { photo.Str("id") }, serviceHours = 2, beneficiaries = 1 })).ExpectAsync(200);
        await (await Post($"api/v1/orders/{order}/accept", _d.CommunityAdmin)).ExpectAsync(200);
        await (await Post($"api/v1/orders/{order}/rate", _d.Resident, new { stars = 5, comment = "很及时" })).ExpectAsync(200);

        // A photo whose bytes are not what its ticket said, and an accepted order its resident says is fixed.
        var declared = Photos.Jpeg(4702);
        var ticket = await (await Post("api/v1/evidence/uploads", _d.Liaison, new
        {
            ownerType = "order", ownerId = order, fileName = "现场.jpg", contentType = "image/jpeg", size = declared.LongLength,
            sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(declared)),
        })).ExpectAsync(201);
        Assert.Equal(201, await AppUnderTest.PutAsync(ticket, Photos.Jpeg(4703)));
        await (await Post($"api/v1/evidence/{ticket.Str("evidenceId")}/commit", _d.Liaison)).ExpectAsync(202);
        var (followed, _) = await FollowUpTests.AcceptedAsync(_app, _d, "回访确认", daysAgo: 8);
        await (await Post($"api/v1/orders/{followed}/follow-up", _d.Resident, new { @fixed = true, comment = "修好了" })).ExpectAsync(200);

        var created = await slice.One(IntegrationEventType.ResourceCreated, "resourceId", resource);
        Assert.Equal(("draft", 1, 8), (created.Str("state"), created["version"]!.GetValue<int>(),
            created["monthlyCapacity"]!.GetValue<int>()));
        var published = await slice.One(IntegrationEventType.ResourceStateChanged, "resourceId", resource);
        Assert.Equal(("publish", "published", 2), (published.Str("action"), published.Str("state"), published["version"]!.GetValue<int>()));
        var edited = await slice.One(IntegrationEventType.ResourceChanged, "resourceId", resource);
        Assert.Equal((12, 3), (edited["monthlyCapacity"]!.GetValue<int>(), edited["version"]!.GetValue<int>()));

        var steps = await slice.Wire(IntegrationEventType.OrderStateChanged, e => e.Str("orderId") == order, 8);
        Assert.Equal(["accepted", "agreed", "closed", "completed", "inProgress", "matched", "published", "submitted"],
            steps.Select(s => s.Str("to")).Order(StringComparer.Ordinal));
        var claimed = await slice.One(IntegrationEventType.OrderClaimed, "orderId", order);
        Assert.Equal((_d.UnitId, resource), (claimed.Str("unitId"), claimed.Str("resourceId")));
        Assert.Equal(followed, (await slice.One(IntegrationEventType.OrderFollowUpConfirmed, "orderId", followed)).Str("orderId"));
        var delivery = await slice.One(IntegrationEventType.AgreementDeliveryRecorded, "sourceId", order);
        Assert.Equal(("order", _d.UnitId, "elderlyCare"), (delivery.Str("source"), delivery.Str("unitId"), delivery.Str("category")));

        var sealedPhoto = await slice.One(IntegrationEventType.EvidenceSealed, "evidenceId", photo.Str("id"));
        Assert.Equal(("order", order, "photo"), (sealedPhoto.Str("ownerType"), sealedPhoto.Str("ownerId"), sealedPhoto.Str("kind")));
        var verified = await slice.One(IntegrationEventType.EvidenceVerified, "evidenceId", photo.Str("id"));
        var chainOrg = verified.Str("chainOrgId");
        var head = Assert.Single(await slice.Wire(IntegrationEventType.EvidenceChainHead,
            e => e.Str("orgId") == chainOrg && e["sequence"]!.GetValue<long>() == verified["chainSeq"]!.GetValue<long>()));
        Assert.Equal(verified.Str("chainHash"), head.Str("headHash"));
        var rejected = await slice.One(IntegrationEventType.EvidenceRejected, "evidenceId", ticket.Str("evidenceId"));
        Assert.Equal("rejected", rejected.Str("state"));
        Assert.NotNull(rejected.Str("reason"));
        Assert.DoesNotContain(slice.All(), r => r.Subject == "evidence.sealed" && r.Data.Str("evidenceId") == ticket.Str("evidenceId"));

        // Nothing personal left: no phone, no resident, no comment, no file name, no uploader.
        var resident = await TestDistrict.UserIdAsync(_app, _d.Resident);
        var liaison = await TestDistrict.UserIdAsync(_app, _d.Liaison);
        Assert.All(slice.All(), r => Assert.DoesNotContain(Phone, r.Body));
        Assert.All(slice.All().Where(r => r.Subject.StartsWith("order.", StringComparison.Ordinal)
                || r.Subject.StartsWith("evidence.", StringComparison.Ordinal)),
            r =>
            {
                foreach (var personal in new[] { resident, liaison, "很及时", "修好了", "现场.jpg", "photo.jpg" })
                {
                    Assert.DoesNotContain(personal, r.Body);
                }
            });
    }

    /// <summary>
    /// The moderation list entry for an owner's content, once the queue has listed it: the community's, or
    /// <paramref name="orgId"/>'s as <paramref name="admin"/> sees it.
    /// </summary>
    private async Task<string> ListedAsync(string ownerId, string kind, string? orgId = null, string? admin = null)
    {
        string? id = null;
        await Eventually.WaitAsync(async () =>
        {
            var page = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/moderation/pending?orgId={orgId ?? _d.CommunityId}&limit=100",
                admin ?? _d.CommunityAdmin)).ExpectAsync(200);
            id = page["items"]!.AsArray().FirstOrDefault(i => i.Str("ownerId") == ownerId && i.Str("kind") == kind)?.Str("id");
            return id is not null;
        }, TimeSpan.FromSeconds(30));
        return id ?? throw new InvalidOperationException($"{kind} of {ownerId} was never listed");
    }

    [Fact]
    public async Task Screening_publishes_a_photo_held_hidden_and_approved_and_an_admins_decision_on_a_text_once_per_change()
    {
        // The resident's photo of their order, sent to WeChat's media check, which asks a person to look.
        var order = (await _d.SubmitOrderAsync(_app)).Str("id");
        var photo = (await _app.UploadAsync(_d.Resident, "order", order, Photos.Jpeg(4721))).Str("id");
        await Eventually.WaitAsync(async () => (await (await _app.SendAsync(HttpMethod.Get, $"api/v1/evidence/{photo}",
            _d.CommunityAdmin)).ExpectAsync(200))["moderation"] is not null, TimeSpan.FromSeconds(30));
        var check = Assert.Single(slice.WeChat.MediaChecks, c => c.MediaUrl.Contains(photo, StringComparison.Ordinal));
        var review = slice.WeChat.MediaCheckPush(_app.BaseAddress, check.TraceId, "review", "21000");
        Assert.Equal(HttpStatusCode.OK, (await FakeWeChat.SendAsync(review)).StatusCode);
        var item = await ListedAsync(photo, "photo");
        // The admin hides it, then lets it be shown; the approval repeated and WeChat's push replayed change no state.
        await (await Post($"api/v1/moderation/{item}/hide", _d.CommunityAdmin)).ExpectAsync(200);
        await (await Post($"api/v1/moderation/{item}/approve", _d.CommunityAdmin)).ExpectAsync(200);
        await (await Post($"api/v1/moderation/{item}/approve", _d.CommunityAdmin)).ExpectAsync(200);
        Assert.Equal(HttpStatusCode.OK, (await FakeWeChat.SendAsync(review)).StatusCode);

        // A follow-up comment held for review, which the admin hides.
        var (followed, _) = await FollowUpTests.AcceptedAsync(_app, _d, "回访审核", daysAgo: 8);
        await (await Post($"api/v1/orders/{followed}/follow-up", _d.Resident,
            new { @fixed = false, comment = $"{FakeWeChat.ReviewMarker}又漏水" })).ExpectAsync(200);
        await (await Post($"api/v1/moderation/{await ListedAsync(followed, "followUpComment")}/hide", _d.CommunityAdmin)).ExpectAsync(200);

        var admin = await TestDistrict.UserIdAsync(_app, _d.CommunityAdmin);
        var held = await slice.One(IntegrationEventType.EvidenceHeld, "evidenceId", photo);
        Assert.Equal(("pending", "review", "21000", "wechat", order),
            (held.Str("state"), held.Str("reason"), held.Str("label"), held.Str("decidedBy"), held.Str("ownerId")));
        var hidden = await slice.One(IntegrationEventType.EvidenceHidden, "evidenceId", photo);
        Assert.Equal(("pending", "hidden", admin), (hidden.Str("from"), hidden.Str("state"), hidden.Str("decidedBy")));
        var approved = await slice.One(IntegrationEventType.EvidenceApproved, "evidenceId", photo);
        Assert.Equal(("hidden", "approved", admin), (approved.Str("from"), approved.Str("state"), approved.Str("decidedBy")));
        var moderated = await slice.One(IntegrationEventType.OrderModerated, "orderId", followed);
        Assert.Equal(("followUpComment", "pending", "hidden", admin),
            (moderated.Str("content"), moderated.Str("from"), moderated.Str("state"), moderated.Str("decidedBy")));
        Assert.All(slice.All().Where(r => r.Subject is "order.moderated"), r => Assert.DoesNotContain("又漏水", r.Body));
    }

    [Fact]
    public async Task Agreements_activities_and_sites_publish_each_step()
    {
        var p = new Agreements.AgreementParties(_app, _d);
        var (unit, liaison, liaisonId) = await p.UnitAsync("共建单位");
        var today = Agreements.AgreementParties.Today;
        var agreement = (await p.CreateAsync(_d.StreetAdmin, Agreements.AgreementParties.Body(_d.StreetId, unit, liaisonId,
            Agreements.AgreementParties.Day(today.AddDays(-100)), Agreements.AgreementParties.Day(today.AddDays(20))))).Str("id");
        await (await p.ActAsync(agreement, "sign", _d.StreetAdmin)).ExpectAsync(200);
        await (await p.ActAsync(agreement, "countersign", liaison)).ExpectAsync(200);
        Assert.Equal(1, await _app.Services.GetRequiredService<RaiseRenewalNotices>().HandleAsync(_d.DistrictId, CancellationToken.None));

        // An activity held two to four hours ago: its photo, closed; attendance back-filled (approved), then declined.
        var activities = new ActivityParties(_app);
        var activity = await activities.CreatedAsync(_d.CommunityAdmin,
            ActivityParties.Body(_d.CommunityId, TimeSpan.FromHours(-4), TimeSpan.FromHours(2)));
        var photo = await _app.UploadAsync(_d.CommunityAdmin, "activity", activity, Photos.Jpeg(4711));
        Assert.Equal("verified", photo.Str("state"));
        HttpResponseMessage close = null!;
        await Eventually.WaitAsync(async () =>
            (close = await activities.PostAsync(activity, "close", _d.CommunityAdmin)).IsSuccessStatusCode, TimeSpan.FromSeconds(30));
        await close.ExpectAsync(200);
        var member = await TestDistrict.UserIdAsync(_app, _d.OtherResident);
        await (await activities.PostAsync(activity, "attendance", _d.CommunityAdmin, new
        {
            userId = member, hours = 1.5m, reason = "纸质签到表补录", evidenceIds = new[] { photo.Str("id") },
        })).ExpectAsync(201);
        await (await activities.PostAsync(activity, $"attendance/{member}/decline", _d.CommunityAdmin, new { reason = "实际未到场" }))
            .ExpectAsync(200);

        // A shared site registered, edited, booked and the booking cancelled.
        var sites = new SiteParties(_app);
        var site = await sites.CreatedAsync(liaison, SiteParties.Body(unit, "serviceStation", sharedUse: true));
        await (await sites.PatchAsync(site, liaison, new { capacity = 60 }, "\"v1\"")).ExpectAsync(200);
        var day = SiteParties.Day(3);
        var booking = (await (await sites.BookAsync(site, liaison, unit, day.AddHours(9), day.AddHours(11))).ExpectAsync(201)).Str("id");
        await (await sites.CancelAsync(site, booking, liaison)).ExpectAsync(200);

        var states = await slice.Wire(IntegrationEventType.AgreementStateChanged, e => e.Str("agreementId") == agreement, 2);
        Assert.Equal(["active", "draft"], states.Select(s => s.Str("to")).Order());
        var signed = await slice.Wire(IntegrationEventType.AgreementSigned, e => e.Str("agreementId") == agreement, 2);
        Assert.Equal(["party:draft", "unit:active"], signed.Select(s => $"{s.Str("side")}:{s.Str("state")}").Order());
        Assert.Equal(Agreements.AgreementParties.Day(today.AddDays(20)),
            (await slice.One(IntegrationEventType.AgreementRenewalDue, "agreementId", agreement)).Str("termTo"));

        var activitySteps = await slice.Wire(IntegrationEventType.ActivityStateChanged, e => e.Str("activityId") == activity, 2);
        Assert.Equal(["closed", "scheduled"], activitySteps.Select(s => s.Str("to")).Order());
        var approved = await slice.One(IntegrationEventType.ActivityAttendanceApproved, "activityId", activity);
        Assert.Equal((member, 1.5m, "backfill"), (approved.Str("userId"), approved["hours"]!.GetValue<decimal>(), approved.Str("source")));
        Assert.Equal(member, (await slice.One(IntegrationEventType.ActivityAttendanceDeclined, "activityId", activity)).Str("userId"));

        Assert.Equal((1, 40), Figures(await slice.One(IntegrationEventType.SiteRegistered, "siteId", site)));
        Assert.Equal((2, 60), Figures(await slice.One(IntegrationEventType.SiteChanged, "siteId", site)));
        var bookings = await slice.Wire(IntegrationEventType.SiteBookingChanged, e => e.Str("bookingId") == booking, 2);
        Assert.Equal(["active", "cancelled"], bookings.Select(b => b.Str("state")).Order());
        Assert.All(slice.All().Where(r => r.Subject.StartsWith("agreement.", StringComparison.Ordinal)),
            r => Assert.DoesNotContain(liaisonId, r.Body));

        static (int, int) Figures(JsonObject site) => (site["version"]!.GetValue<int>(), site["capacity"]!.GetValue<int>());
    }

    [Fact]
    public async Task Alliances_funding_organisations_and_party_members_publish_each_step()
    {
        var street = await _d.OrgAsync(_app, "street", _d.DistrictId, "联盟街道");
        var admin = await _d.UserAsync(_app, "联盟街道-admin", "streetAdmin", street);
        var unit = await _d.OrgAsync(_app, "unit", street, "盟员单位", "nonPublicEnterprise");
        var liaison = await _d.UserAsync(_app, "盟员单位-liaison", "liaison", unit);
        var alliance = (await (await Post("api/v1/alliances", admin, new { streetId = street, name = "党建联盟" })).ExpectAsync(201)).Str("id");
        await (await Post($"api/v1/alliances/{alliance}/invitations", admin, new { unitId = unit })).ExpectAsync(201);
        await (await Post($"api/v1/alliances/{alliance}/invitations/{unit}/accept", liaison)).ExpectAsync(200);
        var liaisonId = await TestDistrict.UserIdAsync(_app, liaison);
        await (await Post($"api/v1/alliances/{alliance}/committee", admin, new { userId = liaisonId, unitId = unit })).ExpectAsync(201);
        var from = ChinaTime.Today(DateTimeOffset.UtcNow).AddDays(5);
        await (await Post($"api/v1/alliances/{alliance}/chairs", admin,
                new { unitId = unit, from = Day(from), to = Day(from.AddDays(30)) }))
            .ExpectAsync(201);
        var at = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds()).ToOffset(ChinaTime.Offset);
        var meeting = (await (await Post($"api/v1/alliances/{alliance}/meetings", admin,
            new { at, agenda = "共驻共建年度计划", attendingUnitIds = new[] { unit } })).ExpectAsync(201)).Str("id");

        // Funding: the street's budget set, and money moved from it to the unit's co-building fund.
        await (await _app.SendAsync(HttpMethod.Put, $"api/v1/funding/budgets/{street}/2031", admin, new { amount = "800000.10" }))
            .ExpectAsync(200);
        var movement = (await (await Post("api/v1/funding/movements", _d.Admin,
            new { from = $"budget:{street}:2031", to = $"coBuilding:{unit}:2031", amount = "1000.00", memo = "拨付" }))
            .ExpectAsync(201)).Str("id");

        // An organisation edited, and a party member's report approved.
        var read = await _app.SendAsync(HttpMethod.Get, $"api/v1/orgs/{unit}", admin);
        await read.ExpectAsync(200);
        await (await _app.SendAsync(HttpMethod.Patch, $"api/v1/orgs/{unit}", admin, new { partyMembers = 12 },
            new Dictionary<string, string> { ["If-Match"] = read.Headers.ETag!.ToString() })).ExpectAsync(200);
        var memberOpenId = await _d.UserAsync(_app, "在职党员");
        var report = (await (await Post("api/v1/party-member-reports", memberOpenId, new
        {
            communityId = _d.CommunityId, gridId = (string?)null, workUnitId = unit, workUnitName = (string?)null,
            skills = new[] { "理发" }, serviceCategories = new[] { "repairs" },
        })).ExpectAsync(201)).Str("id");
        await (await Post($"api/v1/party-member-reports/{report}/approve", _d.CommunityAdmin)).ExpectAsync(200);

        Assert.Equal(street, (await slice.One(IntegrationEventType.AllianceCreated, "allianceId", alliance)).Str("streetId"));
        var membership = await slice.Wire(IntegrationEventType.AllianceMemberChanged, e => e.Str("allianceId") == alliance, 2);
        Assert.Equal(["active", "invited"], membership.Select(m => m.Str("to")).Order());
        Assert.Equal("appointed", (await slice.One(IntegrationEventType.AllianceCommitteeChanged, "allianceId", alliance)).Str("change"));
        Assert.Equal(Day(from), (await slice.One(IntegrationEventType.AllianceChairTermAdded, "allianceId", alliance)).Str("from"));
        Assert.Equal("scheduled", (await slice.One(IntegrationEventType.AllianceMeetingChanged, "meetingId", meeting)).Str("state"));

        Assert.Equal("800000.10",
            (await slice.One(IntegrationEventType.FundingBudgetSet, "account", $"budget:{street}:2031")).Str("budget"));
        Assert.Equal("1000.00", (await slice.One(IntegrationEventType.FundingMovementRecorded, "movementId", movement)).Str("amount"));

        var registered = await slice.One(IntegrationEventType.OrgCreated, "orgId", unit);
        Assert.Equal((street, "unit", "nonPublicEnterprise", _d.Named("盟员单位")),
            (registered.Str("parentId"), registered.Str("kind"), registered.Str("unitKind"), registered.Str("name")));
        var changed = await slice.One(IntegrationEventType.OrgChanged, "orgId", unit);
        Assert.Equal("partyMembers", changed["changes"]![0].Str("field"));

        var reports = await slice.Wire(IntegrationEventType.PartyMemberReportChanged, e => e.Str("reportId") == report, 2);
        Assert.Equal(["approved", "pending"], reports.Select(r => r.Str("state")).Order());
        var memberId = await TestDistrict.UserIdAsync(_app, memberOpenId);
        Assert.All(slice.All().Where(r => r.Subject.StartsWith("partyMember.", StringComparison.Ordinal)),
            r => Assert.DoesNotContain(memberId, r.Body));
    }

    [Fact]
    public async Task Evaluations_and_rankings_publish_each_step()
    {
        // An evaluation written in the window that opens when this month ends (the clock moved there for it), and the window
        // summed up after it closes (the timer's use case).
        var month = Period.TryParse(ChinaTime.Month(DateTimeOffset.UtcNow), out var p) ? p : throw new InvalidOperationException();
        var window = EvaluationWindow.Of(month, 15);
        JsonObject evaluation;
        try
        {
            slice.Clock.Offset = window.OpensAt.AddHours(10) - DateTimeOffset.UtcNow;
            var then = new ApiClient(_app.BaseAddress);
            evaluation = await (await then.SendAsync(HttpMethod.Post, "api/v1/evaluations", _d.Liaison, new
            {
                period = month.Text, evaluatorOrgId = _d.UnitId, subjectOrgId = _d.StreetId, score = 92,
                opinion = $"{FakeWeChat.ReviewMarker}积极参与共建，服务及时",
            })).ExpectAsync(201);
        }
        finally
        {
            slice.Clock.Offset = TimeSpan.Zero;
        }
        // Its opinion held for review: the street's admin (over the unit) hides it, hides it again (no change), then shows it.
        var opinion = await ListedAsync(evaluation.Str("id"), "evaluationOpinion", _d.StreetId, _d.StreetAdmin);
        foreach (var decision in new[] { "hide", "hide", "approve" })
        {
            await (await Post($"api/v1/moderation/{opinion}/{decision}", _d.StreetAdmin)).ExpectAsync(200);
        }
        var closed = await ActivatorUtilities.CreateInstance<CloseEvaluationWindows>(_app.Services,
            new FakeTimeProvider(window.ClosesAt.AddDays(1))).HandleAsync(_d.DistrictId, CancellationToken.None);
        Assert.Contains(closed, c => c.Period == month.Text);

        // Rankings: this month's run publishes provisional versions, a long-closed period's final ones.
        await (await Post("api/v1/assessment/runs", _d.DistrictAdmin, new { districtId = _d.DistrictId, period = month.Text }))
            .ExpectAsync(202);
        await (await Post("api/v1/assessment/runs", _d.DistrictAdmin, new { districtId = _d.DistrictId, period = "2025-06" }))
            .ExpectAsync(202);

        var recorded = await slice.One(IntegrationEventType.EvaluationRecorded, "evaluationId", evaluation.Str("id"));
        Assert.Equal((_d.UnitId, _d.StreetId, month.Text),
            (recorded.Str("evaluatorOrgId"), recorded.Str("subjectOrgId"), recorded.Str("period")));
        Assert.DoesNotContain("积极参与", slice.All().Single(r => r.Subject == "evaluation.recorded" && r.Data.Str("evaluationId") ==
            evaluation.Str("id")).Body);
        var streetAdmin = await TestDistrict.UserIdAsync(_app, _d.StreetAdmin);
        var moderated = await slice.Wire(IntegrationEventType.EvaluationModerated, e => e.Str("evaluationId") == evaluation.Str("id"), 2);
        Assert.Equal([$"hidden:approved:{streetAdmin}:{_d.StreetId}", $"pending:hidden:{streetAdmin}:{_d.StreetId}"],
            moderated.Select(m => $"{m.Str("from")}:{m.Str("state")}:{m.Str("decidedBy")}:{m.Str("reviewOrgId")}").Order());
        var liaisonId = await TestDistrict.UserIdAsync(_app, _d.Liaison);
        Assert.All(slice.All().Where(r => r.Subject.StartsWith("evaluation.", StringComparison.Ordinal)), r =>
        {
            Assert.DoesNotContain("积极参与", r.Body);
            Assert.DoesNotContain(liaisonId, r.Body);
        });
        var summed = Assert.Single(await slice.Wire(IntegrationEventType.EvaluationWindowClosed,
            e => e.Str("districtId") == _d.DistrictId && e.Str("period") == month.Text));
        Assert.Equal(1, summed["evaluations"]!.GetValue<int>());

        var provisional = await slice.Wire(IntegrationEventType.RankingPublished,
            e => e.Str("districtId") == _d.DistrictId && e.Str("period") == month.Text, 2);
        Assert.Contains(provisional, r => r["streetId"] is null);                              // the district's
        Assert.Contains(provisional, r => r["streetId"]?.GetValue<string>() == _d.StreetId);                   // and its street's
        Assert.All(provisional, r => Assert.False(r["final"]!.GetValue<bool>()));
        var final = await slice.Wire(IntegrationEventType.RankingFinalised,
            e => e.Str("districtId") == _d.DistrictId && e.Str("period") == "2025-06", 2);
        Assert.All(final, r => Assert.True(r["final"]!.GetValue<bool>()));
        Assert.Contains(final, r => r["peerGroups"]!.AsArray().Any(g => g!.GetValue<string>() == "nonPublicEnterprise"));
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
