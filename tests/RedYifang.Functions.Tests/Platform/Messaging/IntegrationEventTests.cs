using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using RedYifang.Functions.Platform.Messaging;

namespace RedYifang.Functions.Tests.Platform.Messaging;

[Collection("app")]
public sealed class IntegrationEventTests(AppFixture fixture)
{
    private readonly AppUnderTest _app = fixture.App;

    private static object NewOrder(string community = "org_demo-s2-c2") => new
    {
        communityId = community, title = "集成事件", category = "other", description = "测试", beneficiaries = 1, urgency = "low",
        level = "community", contactPhone = "13900001111",
    };

    [Fact]
    public async Task Order_state_changes_are_published_to_the_Service_Bus_topic_on_the_wire()
    {
        using var peer = new ServiceBusPeer();
        // Storage of its own: the shared app's queue listener would otherwise take some of these events.
        await using var storage = await Azurite.StartNewAsync();
        await using var app = await AppUnderTest.StartAsync(storage, _app.WeChat,
            new Dictionary<string, string?> { ["ServiceBus:ConnectionString"] = peer.ConnectionString }, seedDemo: false);

        var district = (await (await app.SendAsync(HttpMethod.Post, "api/v1/orgs", "dev-admin", new { kind = "district", name = "事件区" })).ExpectAsync(201)).Str("id");
        var street = (await (await app.SendAsync(HttpMethod.Post, "api/v1/orgs", "dev-admin", new { kind = "street", parentId = district, name = "事件街道" })).ExpectAsync(201)).Str("id");
        var community = (await (await app.SendAsync(HttpMethod.Post, "api/v1/orgs", "dev-admin", new { kind = "community", parentId = street, name = "事件社区" })).ExpectAsync(201)).Str("id");
        var order = (await (await app.SendAsync(HttpMethod.Post, "api/v1/orders", "event-resident", NewOrder(community))).ExpectAsync(201)).Str("id");
        await (await app.SendAsync(HttpMethod.Post, $"api/v1/orders/{order}/publish", "dev-admin")).ExpectAsync(200);

        for (var i = 0; i < 100 && peer.Received.Count(r => r.Message.Properties.MessageId == $"{order}-2") == 0; i++) await Task.Delay(100);
        var published = peer.Received.Where(r => r.Message.Properties.MessageId?.StartsWith(order) == true).ToList();
        Assert.Equal(["redyifang-events"], published.Select(p => p.Entity).Distinct());
        Assert.Equal([$"{order}-1", $"{order}-2"], published.Select(p => p.Message.Properties.MessageId).Order());
        var second = published.Single(p => p.Message.Properties.MessageId == $"{order}-2").Message;
        Assert.Equal("order.stateChanged", second.Properties.Subject);
        var body = JsonNode.Parse(BodyText(second))!;
        Assert.Equal(("submitted", "published"), (body.Str("from"), body.Str("to")));
        Assert.DoesNotContain("13900001111", BodyText(second));                 // no personal data leaves
        Assert.DoesNotContain("event-resident", BodyText(second));
    }

    [Fact]
    public async Task Without_Service_Bus_the_same_events_go_to_a_storage_queue()
    {
        var order = (await (await _app.SendAsync(HttpMethod.Post, "api/v1/orders", "event-resident", NewOrder())).ExpectAsync(201)).Str("id");
        var queue = new QueueClient(_app.Storage.ConnectionString, QueueEventPublisher.Queue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        string? found = null;
        for (var i = 0; i < 100 && found is null; i++)
        {
            // The demo's own orders published events first; read past them (hiding them for a while harms no one here).
            while (found is null && await queue.ExistsAsync() && (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1))).Value is { Length: > 0 } batch)
            {
                found = batch.Select(m => m.Body.ToString()).FirstOrDefault(m => m.Contains(order));
            }
            if (found is null) await Task.Delay(100);
        }
        Assert.NotNull(found);
        Assert.Equal($"{order}-1", JsonNode.Parse(found!).Str("id"));
    }

    private static string BodyText(Amqp.Message message) => message.Body switch
    {
        byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes),
        Amqp.Framing.Data data => System.Text.Encoding.UTF8.GetString(data.Binary),
        var other => other?.ToString() ?? "",
    };
}
