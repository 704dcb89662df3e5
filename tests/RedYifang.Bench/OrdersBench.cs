using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Identity;
using RedYifang.Functions.Orders;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Storage;
using RedYifang.Testing;

namespace RedYifang.Bench;

/// <summary>
/// Issue 3's benchmark: POST /api/v1/orders and the admin's queue listing through the local host, against the
/// same table operations issued directly with the SDK, in one run against one Azurite.
/// </summary>
public static class OrdersBench
{
    private const string Community = "org_demo-s1-c2";

    public static async Task<int> RunAsync(string[] args)
    {
        var requests = args.Length > 0 ? int.Parse(args[0]) : 2000;
        var concurrency = args.Length > 1 ? int.Parse(args[1]) : 16;
        await using var storage = await Azurite.StartNewAsync();
        await using var weChat = await FakeWeChat.StartAsync();
        await using var app = await AppUnderTest.StartAsync(storage, weChat);
        var token = await app.TokenAsync("dev-community");
        app.Http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var userId = UserIds.FromOpenId("dev-community");
        var tables = new TableServiceClient(storage.ConnectionString);
        var orders = tables.GetTableClient(OrderStore.TableName);
        var byUser = tables.GetTableClient(OrderStore.ByUserTable);
        var users = tables.GetTableClient(UserStore.TableName);
        var orgs = tables.GetTableClient("Orgs");
        var body = new
        {
            communityId = Community, title = "基准测试需求", category = "repairs", description = "楼道灯不亮，需要维修。", beneficiaries = 12,
            urgency = "normal", level = "community", contactPhone = "13812341234",
        };
        var sample = await (await app.Http.PostAsJsonAsync("api/v1/orders", body)).Content.ReadFromJsonAsync<JsonElement>();
        var doc = JsonSerializer.Serialize(sample, Json.Options);

        // Warm both paths (JIT, connection pools, table creation).
        await Measure.RunAsync("warm-up", 200, concurrency, _ => PostAsync(app, body));
        await Measure.RunAsync("warm-up", 200, concurrency, i => DirectCreateAsync(users, orgs, byUser, orders, userId, doc, i));

        var results = new List<(Timing Api, Timing Sdk)>();
        for (var round = 0; round < 2; round++)
        {
            var apiCreate = await Measure.RunAsync("POST /api/v1/orders (local host)", requests, concurrency, _ => PostAsync(app, body));
            var sdkCreate = await Measure.RunAsync("same table operations (SDK)", requests, concurrency,
                i => DirectCreateAsync(users, orgs, byUser, orders, userId, doc, 1_000_000 * (round + 1) + i));
            results.Add((apiCreate, sdkCreate));
            var apiList = await Measure.RunAsync("GET queue listing (local host)", requests, concurrency, _ => ListAsync(app));
            var sdkList = await Measure.RunAsync("same table operations (SDK)", requests, concurrency, _ => DirectListAsync(users, orders, userId));
            results.Add((apiList, sdkList));
        }

        Console.WriteLine($"{requests} requests per measurement, concurrency {concurrency}, one Azurite; the second round is reported.");
        foreach (var (api, sdk) in results.Skip(2))
        {
            Console.WriteLine(api);
            Console.WriteLine(sdk);
            Console.WriteLine($"{"  ratio (time through the API / time direct)",-44} {api.Elapsed / sdk.Elapsed:0.00}x");
        }
        return 0;
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

    /// <summary>What a create costs in storage: the caller's roles, the community, the user index, the order batch.</summary>
    private static async Task DirectCreateAsync(TableClient users, TableClient orgs, TableClient byUser, TableClient orders, string userId, string doc, int i)
    {
        await RolesAsync(users, userId);
        await orgs.GetEntityAsync<TableEntity>("tree|org_demo-district", $"org|{Community}");
        var id = $"ord_{Community[4..]}-bench{i:0000000}";
        await byUser.UpsertEntityAsync(new TableEntity(userId, id), TableUpdateMode.Replace);
        await orders.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, Row(Community, $"order|{id}", doc)),
            new TableTransactionAction(TableTransactionActionType.Add, Row(Community, $"queue|submitted|{id}", doc)),
        ]);
    }

    private static async Task DirectListAsync(TableClient users, TableClient orders, string userId)
    {
        await RolesAsync(users, userId);
        var prefix = "queue|submitted|";
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
