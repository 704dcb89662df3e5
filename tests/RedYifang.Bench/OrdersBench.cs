using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Identity;
using RedYifang.Functions.Orders;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Testing;

namespace RedYifang.Bench;

/// <summary>
/// Issue 3's benchmark: POST /api/v1/orders and the admin's queue listing through the local host, against the
/// same table operations issued directly with the SDK, in one run against one Azurite.
/// </summary>
public static class OrdersBench
{
    private const string Community = "org_demo-s1-c2";
    private static readonly string[] sourceArray = new[]
        {
            "MatchRequests", "MatchingRuns", "RecordOrderFact", "ProcessEvidence", "AssessmentRuns", "RecordAssessmentFact",
            "PublishIntegrationEvents", "OutboxSweeper", "IdempotencyCleanup", "OrderExpiry", "AssessmentTimer", "SendNotifications",
        };

    public static async Task<int> RunAsync(string[] args)
    {
        var requests = args.Length > 0 ? int.Parse(args[0]) : 2000;
        var concurrency = args.Length > 1 ? int.Parse(args[1]) : 16;
        var withBackground = args.Length > 2 && args[2] == "background";
        await using var storage = await Azurite.StartNewAsync();
        await using var weChat = await FakeWeChat.StartAsync();
        // The app's storage clients count what they send, so each API call's storage requests are known (on the wire).
        var counter = new StorageRequestCounter();
        // Queue and timer functions off: what they do later (publishing each order's integration event, say) is not the
        // call's cost, and would compete with the calls being timed. The demo's queued messages stay queued.
        var background = sourceArray.ToDictionary(f => $"AzureWebJobs.{f}.Disabled", _ => (string?)(withBackground ? "false" : "true"));
        await using var app = await AppUnderTest.StartAsync(storage, weChat, background, extraServices: (services, configuration) =>
            services.AddSingleton(new RedYifang.Functions.Platform.Storage.StorageClients(configuration, counter)));
        var token = await app.TokenAsync("dev-community");
        app.Http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var userId = UserIds.FromOpenId("dev-community");
        var tables = new TableServiceClient(storage.ConnectionString);
        var orders = tables.GetTableClient(OrderStore.TableName);
        var byUser = tables.GetTableClient(OrderStore.ByUserTable);
        var users = tables.GetTableClient(UserStore.TableName);
        var orgs = tables.GetTableClient("Orgs");
        var quotas = tables.GetTableClient(RedYifang.Functions.Platform.Quotas.QuotaRows.TableName);
        var queue = new Azure.Storage.Queues.QueueClient(storage.ConnectionString, "bench-outbox");
        await queue.CreateIfNotExistsAsync();
        var body = new
        {
            communityId = Community, title = "基准测试需求", category = "repairs", description = "楼道灯不亮，需要维修。", beneficiaries = 12,
            urgency = "normal", level = "community", contactPhone = "13812341234",
        };
        var sample = await (await app.Http.PostAsJsonAsync("api/v1/orders", body)).Content.ReadFromJsonAsync<JsonElement>();
        var doc = JsonSerializer.Serialize(sample, Json.Options);

        // Warm both paths (JIT, connection pools, table creation).
        await Measure.RunAsync("warm-up", 200, concurrency, _ => PostAsync(app, body));
        await Measure.RunAsync("warm-up", 200, concurrency,
            i => DirectCreateAsync(users, orgs, quotas, byUser, orders, queue, userId, doc, i));

        var results = new List<(Timing Api, Timing Sdk)>();
        for (var round = 0; round < 2; round++)
        {
            var apiCreate = await Measure.RunAsync("POST /api/v1/orders (local host)", requests, concurrency, _ => PostAsync(app, body));
            var sdkCreate = await Measure.RunAsync("same table operations (SDK)", requests, concurrency,
                i => DirectCreateAsync(users, orgs, quotas, byUser, orders, queue, userId, doc, (1_000_000 * (round + 1)) + i));
            results.Add((apiCreate, sdkCreate));
            var apiList = await Measure.RunAsync("GET queue listing (local host)", requests, concurrency, _ => ListAsync(app));
            var sdkList = await Measure.RunAsync(
                "same table operations (SDK)",
                requests,
                concurrency,
                _ => DirectListAsync(users, orders, userId));
            results.Add((apiList, sdkList));
        }

        var postRequests = await PerCallAsync(counter, () => PostAsync(app, body));
        var listRequests = await PerCallAsync(counter, () => ListAsync(app));
        Console.WriteLine($"load {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine($"{requests} requests per measurement, concurrency {concurrency}, one Azurite; the second round is reported; " +
                          $"queue and timer functions {(withBackground ? "ON (they run while the calls are timed)" : "off")}.");
        Console
            .WriteLine($"storage requests per POST /api/v1/orders (on the wire): {postRequests}; the direct baseline sends the minimal 8 " +
                "(roles query, community GET, the daily count's GET and ETag write, user index upsert, order $batch with its outbox " +
                "row, the message, the outbox row's delete; a count's lost race costs both one more read and write)");
        Console.WriteLine(
            $"storage requests per queue listing: {listRequests}; the direct baseline sends 2 (roles query, queue range query)");
        foreach (var (api, sdk) in results.Skip(2))
        {
            Console.WriteLine(api);
            Console.WriteLine(sdk);
            Console.WriteLine($"{"  ratio (time through the API / time direct)",-44} {api.Elapsed / sdk.Elapsed:0.00}x");
        }
        return 0;
    }

    /// <summary>One call (the app warm), with what its storage clients sent for it.</summary>
    private static async Task<string> PerCallAsync(StorageRequestCounter counter, Func<Task> call)
    {
        counter.Start();
        await call();
        await Task.Delay(200);     // requests sent after the answer (the outbox dispatch) count too
        return counter.Stop();
    }

    private static async Task PostAsync(AppUnderTest app, object body)
    {
        using var response = await app.Http.PostAsJsonAsync("api/v1/orders", body);
        if ((int)response.StatusCode != 201) throw new InvalidOperationException($"POST answered {(int)response.StatusCode}");
    }

    private static async Task ListAsync(AppUnderTest app)
    {
        using var response = await app.Http.GetAsync($"api/v1/orders?communityId={Community}&state=submitted&limit=20");
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET answered {(int)response.StatusCode}");
        await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>
    /// The minimal storage work of a create (docs/storage.md): the caller's roles, the community, the resident's daily count
    /// (read, then written on its ETag, again on a lost race, as Platform/Quotas/QuotaRows.cs does), the user index, the order
    /// batch (order, queue row, outbox row), the staged message sent, the outbox row deleted.
    /// </summary>
    private static async Task DirectCreateAsync(TableClient users, TableClient orgs, TableClient quotas, TableClient byUser,
        TableClient orders, Azure.Storage.Queues.QueueClient queue, string userId, string doc, int i)
    {
        await RolesAsync(users, userId);
        await orgs.GetEntityAsync<TableEntity>("tree|org_demo-district", $"org|{Community}");
        while (true)
        {
            var row = await quotas.GetEntityIfExistsAsync<TableEntity>(userId, "bench-orders");
            var count = row.HasValue ? row.Value!.GetInt32("Count") ?? 0 : 0;
            var next = new TableEntity(userId, "bench-orders") { ["Count"] = count + 1, ["Day"] = "2026-11-30" };
            try
            {
                if (row.HasValue) await quotas.UpdateEntityAsync(next, row.Value!.ETag, TableUpdateMode.Replace);
                else await quotas.AddEntityAsync(next);
                break;
            }
            catch (Azure.RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another create counted first: read again, as the app does.
            }
        }
        var id = $"ord_{Community[4..]}-bench{i:0000000}";
        await byUser.UpsertEntityAsync(new TableEntity(userId, id), TableUpdateMode.Replace);
        var outbox = new TableEntity(Community, $"outbox|bench{i:0000000}") { ["Queue"] = "bench-outbox", ["Message"] = doc };
        await orders.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, Row(Community, $"order|{id}", doc)),
            new TableTransactionAction(TableTransactionActionType.Add, Row(Community, $"queue|submitted|{id}", doc)),
            new TableTransactionAction(TableTransactionActionType.Add, outbox),
        ]);
        await queue.SendMessageAsync(doc);
        await orders.DeleteEntityAsync(Community, outbox.RowKey);
    }

    private static async Task DirectListAsync(TableClient users, TableClient orders, string userId)
    {
        await RolesAsync(users, userId);
        const string prefix = "queue|submitted|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Community} and RowKey gt {prefix} and RowKey lt {prefix + "~"}");
        await foreach (var _ in orders.QueryAsync<TableEntity>(filter, 20).AsPages(pageSizeHint: 20).Take(1))
        {
        }
    }

    private static async Task RolesAsync(TableClient users, string userId)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {userId} and RowKey ge {"role|"} and RowKey lt {"role}"}");
        await foreach (var _ in users.QueryAsync<TableEntity>(filter))
        {
        }
    }

    private static TableEntity Row(string pk, string rk, string doc) => new(pk, rk)
    {
        ["Doc"] = doc, ["State"] = EnumText.ToText(OrderState.Submitted), ["Category"] = "repairs",
        ["CreatedAt"] = DateTimeOffset.UtcNow, ["UpdatedAt"] = DateTimeOffset.UtcNow,
    };
}
