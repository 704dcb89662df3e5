using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using RedYifang.Functions.Platform.Messaging;

namespace RedYifang.Functions.Tests.Platform.Messaging;

/// <summary>
/// Where integration events leave: each test has an app and a store of its own (an app's queue listener takes every event of
/// its store), so what leaves is exactly what the test caused.
/// </summary>
public sealed class IntegrationEventTests
{
    private static object NewOrder(string community) => new
    {
        communityId = community, title = "集成事件", category = "other", description = "测试", beneficiaries = 1, urgency = "low",
        level = "community", contactPhone = "13900001111",
    };

    [Fact]
    public async Task Order_state_changes_are_published_to_the_Service_Bus_topic_on_the_wire()
    {
        using var peer = new ServiceBusPeer();
        await using var slice = await SliceApp.StartAsync(
            new Dictionary<string, string?> { ["ServiceBus:ConnectionString"] = peer.ConnectionString });
        var app = slice.App;
        var d = await slice.DistrictAsync("events");

        var order = (await (await app.SendAsync(HttpMethod.Post, "api/v1/orders", d.Resident, NewOrder(d.CommunityId))).ExpectAsync(201))
            .Str("id");
        await (await app.SendAsync(HttpMethod.Post, $"api/v1/orders/{order}/publish", d.CommunityAdmin)).ExpectAsync(200);

        // The district's organisations have events of their own (org.created): the order's are this test's subject.
        List<(string Entity, Amqp.Message Message)> Published() =>
            [.. peer.Received.Where(p => p.Message.Properties.Subject == "order.stateChanged")];
        await Eventually.WaitAsync(() => Task.FromResult(Published().Count >= 2), TimeSpan.FromSeconds(30));
        var published = Published();
        Assert.Equal(["redyifang-events"], published.Select(p => p.Entity).Distinct());
        Assert.Equal([$"{order}-1", $"{order}-2"], published.Select(p => p.Message.Properties.MessageId).Order());
        Assert.All(published, p => Assert.Equal(
            ("order.stateChanged", "order.stateChanged", 1),
            (p.Message.Properties.Subject, p.Message.ApplicationProperties["type"], p.Message.ApplicationProperties["dataVersion"])));
        var first = JsonNode.Parse(BodyText(published.Single(p => p.Message.Properties.MessageId == $"{order}-1").Message))!;
        Assert.Equal(
            (order, d.CommunityId, (string?)null, "submitted"),
            (first.Str("orderId"), first.Str("communityId"), first["from"]?.GetValue<string>(), first.Str("to")));
        var second = published.Single(p => p.Message.Properties.MessageId == $"{order}-2").Message;
        var body = JsonNode.Parse(BodyText(second))!;
        Assert.Equal(
            ("submitted", "published", "other", "community"),
            (body.Str("from"), body.Str("to"), body.Str("category"), body.Str("level")));
        Assert.DoesNotContain("13900001111", BodyText(second));                 // no personal data leaves
        Assert.DoesNotContain(d.Resident, BodyText(second));
        Assert.DoesNotContain(await TestDistrict.UserIdAsync(app, d.Resident), BodyText(second));
    }

    [Fact]
    public async Task Without_Service_Bus_the_same_events_go_to_a_storage_queue()
    {
        await using var slice = await SliceApp.StartAsync(new Dictionary<string, string?>());
        var app = slice.App;
        var d = await slice.DistrictAsync("events");

        var order = (await (await app.SendAsync(HttpMethod.Post, "api/v1/orders", d.Resident, NewOrder(d.CommunityId))).ExpectAsync(201))
            .Str("id");

        var queue = new QueueClient(
            slice.Storage.ConnectionString,
            QueueEventPublisher.Queue,
            new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await Eventually.WaitAsync(
            async () => await queue.ExistsAsync() && (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount >= 1,
            TimeSpan.FromSeconds(30));
        List<JsonNode> messages = [];
        await Eventually.WaitAsync(async () =>
        {
            messages.AddRange((await queue.ReceiveMessagesAsync(32)).Value.Select(m => JsonNode.Parse(m.Body.ToString())!));
            return messages.Any(m => m.Str("type") == "order.stateChanged");
        }, TimeSpan.FromSeconds(30));
        var only = Assert.Single(messages, m => m.Str("type") == "order.stateChanged");
        Assert.Equal(($"{order}-1", "order.stateChanged", 1), (only.Str("id"), only.Str("type"), only["dataVersion"]!.GetValue<int>()));
        Assert.Equal((order, "submitted"), (only["data"].Str("orderId"), only["data"].Str("to")));
    }

    private static string BodyText(Amqp.Message message) => message.Body switch
    {
        byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes),
        Amqp.Framing.Data data => System.Text.Encoding.UTF8.GetString(data.Binary),
        var other => other?.ToString() ?? "",
    };
}
