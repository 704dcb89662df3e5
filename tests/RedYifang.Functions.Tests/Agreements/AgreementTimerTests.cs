using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RedYifang.Functions.Agreements;
using RedYifang.Functions.Platform.Messaging;

namespace RedYifang.Functions.Tests.Agreements;

/// <summary>
/// The agreements timer (off in the slice app), driven here: its two use cases are made with a fake clock set days ahead of
/// the agreements the test writes through the API today, so the renewal notice and the expiry happen on the days they should
/// and no other, each in the test's own district.
/// </summary>
[Collection(Slices.Agreements)]
public sealed class AgreementTimerTests(SliceApp slice) : IAsyncLifetime
{
    private readonly AppUnderTest _app = slice.App;
    private TestDistrict _d = null!;
    private AgreementParties _p = null!;

    public async Task InitializeAsync()
    {
        _d = await slice.DistrictAsync("agreement-timer");
        _p = new AgreementParties(_app, _d);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Noon in China, <paramref name="days"/> days from today.</summary>
    private static DateTimeOffset Noon(int days) =>
        new DateTimeOffset(AgreementParties.Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8)).AddDays(days);

    private T Timer<T>(DateTimeOffset now) where T : notnull =>
        ActivatorUtilities.CreateInstance<T>(_app.Services, new FakeTimeProvider(now));

    [Fact]
    public async Task The_renewal_notice_comes_once_in_the_last_30_days_and_the_agreement_expires_the_day_after_its_term()
    {
        var (unit, liaison, liaisonId) = await _p.UnitAsync("到期单位");
        var termTo = AgreementParties.Today.AddDays(40);
        var id = await _p.ActiveAsync(AgreementParties.Body(_d.StreetId, unit, liaisonId, AgreementParties.Day(AgreementParties.Today
            .AddDays(-300)), AgreementParties.Day(termTo)), liaison);

        // 41 days before the end: no notice; 30 days before: the notice, once.
        await Timer<RaiseRenewalNotices>(Noon(-1)).HandleAsync(_d.DistrictId, CancellationToken.None);
        Assert.Null((await _p.GetAsync(id, _d.StreetAdmin))["renewalDueAt"]);
        Assert.DoesNotContain(id, await _p.ListAsync(unit, _d.StreetAdmin, "&expiringWithinDays=30"));
        Assert.Equal([id], await _p.ListAsync(unit, _d.StreetAdmin, "&expiringWithinDays=40"));
        await Timer<RaiseRenewalNotices>(Noon(10)).HandleAsync(_d.DistrictId, CancellationToken.None);
        var noticed = await _p.GetAsync(id, _d.StreetAdmin);
        Assert.Equal(Noon(10), noticed["renewalDueAt"]!.GetValue<DateTimeOffset>());
        await Timer<RaiseRenewalNotices>(Noon(11)).HandleAsync(_d.DistrictId, CancellationToken.None);
        Assert.Equal(Noon(10), (await _p.GetAsync(id, _d.StreetAdmin))["renewalDueAt"]!.GetValue<DateTimeOffset>());

        // On the last day of the term it is still active; the day after, it expires (by the system, with the reason).
        Assert.Equal(0, await ExpiredAsync(Noon(40), id));
        Assert.Equal("active", (await _p.GetAsync(id, liaison)).Str("state"));
        Assert.Equal(1, await ExpiredAsync(new DateTimeOffset(termTo.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)), id));
        var expired = await _p.GetAsync(id, liaison);
        Assert.Equal("expired", expired.Str("state"));
        var step = expired["history"]!.AsArray()[^1]!;
        Assert.Equal(("expire", "active", "expired", "system", "协议期满"),
            (step.Str("action"), step.Str("from"), step.Str("to"), step.Str("by"), step.Str("reason")));
        Assert.Empty(await _p.ListAsync(unit, _d.StreetAdmin, "&expiringWithinDays=366"));       // off the renewal list

        // What left for other systems: draft, the two signatures, active, the notice, expired — the notice once.
        var events = await PublishedAsync(id, 6);
        Assert.Equal(
            [
                ($"{id}-active", "agreement.stateChanged"), ($"{id}-draft", "agreement.stateChanged"),
                ($"{id}-expired", "agreement.stateChanged"), ($"{id}-renewalDue", "agreement.renewalDue"),
                ($"{id}-signed-party", "agreement.signed"), ($"{id}-signed-unit", "agreement.signed"),
            ],
            events.Select(e => (e.Str("id"), e.Str("type"))).Order());
        var notice = events.Single(e => e.Str("type") == "agreement.renewalDue")["data"];
        Assert.Equal((unit, AgreementParties.Day(termTo)), (notice.Str("unitId"), notice.Str("termTo")));
    }

    [Fact]
    public async Task An_expired_agreement_frees_its_days_for_the_pair()
    {
        var (unit, liaison, liaisonId) = await _p.UnitAsync("续签单位");
        var ended = AgreementParties.Today.AddDays(-1);
        var old = await _p.ActiveAsync(AgreementParties.Body(_d.StreetId, unit, liaisonId, AgreementParties.Day(ended.AddDays(-364)),
            AgreementParties.Day(ended)), liaison);
        var overlapping = AgreementParties.Body(_d.StreetId, unit, liaisonId, AgreementParties.Day(ended),
            AgreementParties.Day(ended.AddDays(365)));
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/agreements", _d.StreetAdmin, overlapping))
            .ExpectProblemAsync(409, "agreement_overlaps");

        Assert.Equal(1, await ExpiredAsync(Noon(0), old));

        await _p.ActiveAsync(overlapping, liaison);
        Assert.Equal("expired", (await _p.GetAsync(old, liaison)).Str("state"));
    }

    [Fact]
    public async Task The_renewal_list_is_for_admins_over_the_organisation()
    {
        var (unit, liaison, liaisonId) = await _p.UnitAsync("提醒名单单位");
        var id = await _p.ActiveAsync(AgreementParties.Body(_d.StreetId, unit, liaisonId, AgreementParties.Day(AgreementParties.Today),
            AgreementParties.Day(AgreementParties.Today.AddDays(5))), liaison);
        var draft = (await _p.CreateAsync(_d.StreetAdmin, AgreementParties.Body(_d.StreetId, unit, liaisonId,
            AgreementParties.Day(AgreementParties.Today.AddDays(6)), AgreementParties.Day(AgreementParties.Today.AddDays(20))))).Str("id");

        Assert.Equal([id], await _p.ListAsync(unit, _d.StreetAdmin, "&expiringWithinDays=30"));       // the draft is not on it
        Assert.Contains(id, await _p.ListAsync(_d.StreetId, _d.StreetAdmin, "&expiringWithinDays=30"));
        Assert.Contains(id, await _p.ListAsync(_d.DistrictId, _d.DistrictAdmin, "&expiringWithinDays=5"));
        Assert.Equal([id, draft], await _p.ListAsync(unit, liaison));
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/agreements?orgId={unit}&expiringWithinDays=30", liaison))
            .ExpectProblemAsync(403, "forbidden");
        foreach (var bad in new[] { "0", "367", "３０", "-1", "thirty" })
        {
            var problem = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/agreements?orgId={unit}&expiringWithinDays={bad}",
                _d.StreetAdmin)).ExpectProblemAsync(400, "validation_failed");
            Assert.Equal(["expiringWithinDays"], problem.Errors().Keys);
        }
        await (await _app.SendAsync(HttpMethod.Get, "api/v1/agreements", _d.StreetAdmin)).ExpectProblemAsync(400, "validation_failed");
    }

    private async Task<int> ExpiredAsync(DateTimeOffset now, string id)
    {
        var before = (await _p.GetAsync(id, _d.StreetAdmin)).Str("state");
        await Timer<ExpireAgreements>(now).HandleAsync(_d.DistrictId, CancellationToken.None);
        return before == "active" && (await _p.GetAsync(id, _d.StreetAdmin)).Str("state") == "expired" ? 1 : 0;
    }

    /// <summary>
    /// The integration events of one agreement that reached the storage queue they leave by here (no Service Bus in slices),
    /// waiting until at least <paramref name="count"/> came; other agreements' events are taken off the queue and dropped.
    /// </summary>
    private async Task<List<JsonNode>> PublishedAsync(string agreementId, int count)
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
                if (e["data"]?["agreementId"]?.GetValue<string>() == agreementId) found.Add(e);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
            return found.Count >= count;
        }, TimeSpan.FromSeconds(30));
        return found;
    }
}
