using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Core;
using RedYifang.Functions.Assessment;
using RedYifang.Functions.Matching;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Messaging;
using RedYifang.Functions.Platform.Periods;
using Xunit.Abstractions;

namespace RedYifang.Functions.Tests.Faults;

/// <summary>
/// Storage stops while an order change dispatches what it staged in the outbox — after its transaction committed, at the
/// send of its first message, or at the removal of a sent message's row (once for each of its three queues) — and comes back. The change stands (its call answers
/// 200, not 503), and every staged message is delivered once in effect: each integration event reaches the Service Bus topic
/// under its id (a resend carries the same id, which the topic's duplicate detection drops), each assessment fact counts once,
/// every order gets its suggestions, and no outbox row is left. The sweeper runs every two seconds and sends rows three seconds
/// old, so what the outage stranded goes out within seconds.
/// </summary>
public sealed class OutboxDispatchFaultTests(ITestOutputHelper output)
{
    private const int Orders = 4;

    public static TheoryData<string> Points => ["send", "row removal"];

    [Theory]
    [MemberData(nameof(Points))]
    public async Task Storage_failing_during_dispatch_leaves_the_change_standing_and_its_messages_delivered_once(string point)
    {
        using var bus = new ServiceBusPeer();
        await using var f = await FaultApp.StartAsync(
            output,
            new Dictionary<string, string?> { ["ServiceBus:ConnectionString"] = bus.ConnectionString });
        var app = f.App;
        var d = await f.Slice.DistrictAsync("dispatch");
        var orders = new List<string>();
        for (var i = 0; i < Orders; i++)
        {
            orders.Add((await (await app.SendAsync(HttpMethod.Post, "api/v1/orders", d.Resident, new
            {
                communityId = d.CommunityId, title = $"派发{i}", category = "repairs", description = "楼道灯坏了", beneficiaries = 1,
                urgency = "normal", level = "community",
            })).ExpectAsync(201)).Str("id"));
        }

        // Publishing stages three messages (its integration event, its suggestions to compute, its assessment fact), each sent
        // and then its row removed. At "send" storage stops at the first send of the second publish; at "row removal" it stops
        // at the removal of a sent row, three times: once for each queue's message, in the second to fourth publishes.
        var faults = new Dictionary<int, string?>(point == "send"
            ? [new(1, null)]
            : [new(1, IntegrationEvent.Queue), new(2, AssessmentEvent.Queue), new(3, MatchRequest.Queue)]);
        var held = new List<string>();
        for (var i = 0; i < Orders; i++)
        {
            var publish = $"api/v1/orders/{orders[i]}/publish";
            if (!faults.TryGetValue(i, out var queue))
            {
                await (await app.SendAsync(HttpMethod.Post, publish, d.CommunityAdmin)).ExpectAsync(200);
                continue;
            }
            var order = orders[i];
            await f.QuietAsync();
            var trap = queue is null
                ? f.Faults.Arm("the first send of a publish",
                    r => StorageFaults.QueueText(r)?.Contains(order, StringComparison.Ordinal) == true)
                : f.Faults.Arm($"the removal of the sent {queue} message's outbox row", r => r.Method == RequestMethod.Delete
                    && f.Faults.StagedRows.Any(row => row.Queue == queue && row.Text.Contains(order, StringComparison.Ordinal)
                        && r.Uri.ToString().Contains(Uri.EscapeDataString(row.RowKey), StringComparison.Ordinal)));
            var publishing = app.SendAsync(HttpMethod.Post, publish, d.CommunityAdmin);
            await f.OutageAtAsync(trap, whileDown: async () =>
            {
                // The transaction committed before the outage: the change stands, its messages are the sweeper's to send.
                var published = await (await publishing).ExpectAsync(200);
                Assert.Equal("published", published.Str("state"));
                await (await app.SendAsync(HttpMethod.Get, $"api/v1/orders/{order}", d.CommunityAdmin))
                    .ExpectProblemAsync(503, "storage_unavailable");
            });
            held.Add(trap.Held!);
        }

        // Two integration events per order (submitted, published), each under its own id (the district's organisations have theirs).
        List<string> OrderEvents() =>
        [
            .. bus.Received.Where(m => m.Message.Properties.Subject == "order.stateChanged")
                .Select(m => (string)m.Message.Properties.MessageId),
        ];
        var expectedEvents = orders.SelectMany(o => new[] { $"{o}-1", $"{o}-2" }).Order(StringComparer.Ordinal).ToList();
        var facts = f.Service<FactStore>();
        var period = Month();
        await FaultApp.EventuallyAsync(async () =>
            OrderEvents().Distinct().Count() == expectedEvents.Count
            && (await facts.FactsAsync(period, d.DistrictId, d.CommunityId)).Count == Orders);
        await f.OutboxDrainedAsync();

        var busIds = OrderEvents();
        Assert.Equal(expectedEvents, busIds.Distinct().Order(StringComparer.Ordinal));
        var recorded = await facts.FactsAsync(period, d.DistrictId, d.CommunityId);
        Assert.Equal(
            orders.Select(o => $"{o}|published").Order(StringComparer.Ordinal),
            recorded.Select(x => x.Id).Order(StringComparer.Ordinal));
        // The running totals count each fact once: they equal a rebuild from the facts themselves.
        var totals = await facts.TotalsAsync(period, d.DistrictId);
        var rebuilt = await facts.RebuildAsync(period, d.DistrictId);
        Assert.Equal(JsonSerializer.Serialize(rebuilt, Json.Options), JsonSerializer.Serialize(totals, Json.Options));
        Assert.Equal(Orders, totals[d.CommunityId].Published);
        foreach (var order in orders)
        {
            JsonObject? suggestions = null;
            var path = $"api/v1/orders/{order}/suggestions";
            await FaultApp.EventuallyAsync(async () =>
            {
                suggestions = await (await app.SendAsync(HttpMethod.Get, path, d.StreetAdmin)).ExpectAsync(200);
                return suggestions["computedAt"] is not null;
            });
            Assert.NotNull(suggestions!["computedAt"]);
        }

        output.WriteLine($"fault at {point} ({string.Join("; ", held)}): faults injected {f.FaultsInjected}; {f.OutboxCounts()}; " +
            $"storage calls failed {f.Faults.Failed}; " +
            $"delivered: {busIds.Distinct().Count()} events to the topic ({busIds.Count - busIds.Distinct().Count()} duplicates seen, " +
            $"dropped by id), {recorded.Count} facts, {orders.Count} suggestion sets; queue functions retried " +
            $"{f.FailedRuns("RecordAssessmentFact") + f.FailedRuns("MatchRequests") + f.FailedRuns("PublishIntegrationEvents")}");
    }

    private static Period Month() =>
        Period.TryParse(ChinaTime.Month(DateTimeOffset.UtcNow), out var p) ? p : throw new InvalidOperationException("no month");
}
