using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace RedYifang.Functions.Tests.Notifications;

/// <summary>
/// The notifications slice's app: WeChat's busy answers tried again after 200 ms (doubling) up to three attempts instead of
/// 30 s and five, so a test sees a message given up; and what the app logs kept (<see cref="Logs"/>), to check that a failed
/// message is logged without personal data.
/// </summary>
public sealed class NotificationsApp : SliceApp
{
    public const string Collection = "notifications";

    public LogCapture Logs { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Notifications:RetryDelay"] = "00:00:00.200", ["Notifications:MaxAttempts"] = "3",
    };

    protected override void AddServices(IServiceCollection services, IConfiguration configuration) => Logs.AddTo(services);
}

[CollectionDefinition(NotificationsApp.Collection)]
public sealed class NotificationsSlice : ICollectionFixture<NotificationsApp>;

/// <summary>What the notification tests do over HTTP: subscribe, read inboxes, wait for a notification to settle.</summary>
public static class Inbox
{
    public static async Task SubscribeAsync(ApiClient api, string openId, string templateKey, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            await (await api.SendAsync(HttpMethod.Post, "api/v1/me/subscriptions", openId, new { templateKey, accepted = "accept" }))
                .ExpectAsync(200);
        }
    }

    /// <summary>What the user's subscriptions still allow of a template.</summary>
    public static async Task<int> RemainingAsync(ApiClient api, string openId, string templateKey)
    {
        var list = await (await api.SendAsync(HttpMethod.Get, "api/v1/me/subscriptions", openId)).ExpectAsync(200);
        return list["items"]!.AsArray().Single(i => i.Str("templateKey") == templateKey)!["remaining"]!.GetValue<int>();
    }

    /// <summary>Every notification of the user, newest first (all pages).</summary>
    public static async Task<List<JsonObject>> AllAsync(ApiClient api, string openId)
    {
        var all = new List<JsonObject>();
        string? token = null;
        do
        {
            var path = "api/v1/me/notifications?limit=100" + (token is null ? "" : $"&continuationToken={Uri.EscapeDataString(token)}");
            var page = await (await api.SendAsync(HttpMethod.Get, path, openId)).ExpectAsync(200);
            all.AddRange(page["items"]!.AsArray().Select(i => i!.AsObject()));
            token = page["continuationToken"]?.GetValue<string>();
        }
        while (token is not null);
        return all;
    }

    /// <summary>The user's notifications of an order, newest first.</summary>
    public static async Task<List<JsonObject>> OfOrderAsync(ApiClient api, string openId, string orderId) =>
        [.. (await AllAsync(api, openId)).Where(n => n.Str("orderId") == orderId)];

    /// <summary>
    /// Waits until queue <c>notifications</c> holds no message, visible or being handled (a message is deleted once its function
    /// completes): every event staged so far has been handled, and an absent notification is one nobody made.
    /// </summary>
    public static async Task DrainedAsync(SliceApp slice)
    {
        var queue = new Azure.Storage.Queues.QueueClient(
            slice.Storage.ConnectionString, RedYifang.Functions.Notifications.NotificationEvent.Queue);
        var count = -1;
        await Eventually.WaitAsync(async () =>
        {
            count = (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
            return count == 0;
        }, TimeSpan.FromSeconds(20));
        Xunit.Assert.True(count == 0, $"{count} notification message(s) still queued");
    }

    /// <summary>
    /// The user's notification of <paramref name="kind"/> for the order once its message is settled (no longer pending), or
    /// whatever stands after twenty seconds (the caller's assertions then say what).
    /// </summary>
    public static async Task<JsonObject?> SettledAsync(ApiClient api, string openId, string orderId, string kind)
    {
        JsonObject? found = null;
        await Eventually.WaitAsync(async () =>
        {
            found = (await OfOrderAsync(api, openId, orderId)).FirstOrDefault(n => n.Str("kind") == kind);
            return found is not null && found.Str("sendState") != "pending";
        }, TimeSpan.FromSeconds(20));
        return found;
    }
}
