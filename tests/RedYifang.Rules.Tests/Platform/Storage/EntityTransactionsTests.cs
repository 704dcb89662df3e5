using Azure.Core.Pipeline;
using Azure.Data.Tables;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Rules.Tests.Platform.Storage;

/// <summary>
/// Transactions split by both of the table service's limits (<see cref="EntityTransactions"/>): 100 operations and 4 MiB
/// of payload, the payload bounded per entity. Azurite enforces neither, so the bound is checked here against the bytes
/// the SDK really sends, caught before they leave the process.
/// </summary>
public sealed class EntityTransactionsTests
{
    private static TableTransactionAction Upsert(TableEntity row) => new(TableTransactionActionType.UpsertReplace, row);

    private static TableEntity Binary(int index, int bytes) =>
        new("p", $"r{index:D4}") { ["Gz0"] = Enumerable.Range(0, bytes).Select(i => (byte)((i * 31) + index)).ToArray() };

    [Fact]
    public void Small_rows_go_in_transactions_of_100_in_order()
    {
        var rows = Enumerable.Range(0, 250).Select(i => Upsert(new TableEntity("p", $"r{i:D4}") { ["N"] = i })).ToList();

        var batches = EntityTransactions.Batches(rows);

        Assert.Equal([100, 100, 50], batches.Select(b => b.Count));
        Assert.Equal(rows, batches.SelectMany(b => b));
    }

    [Fact]
    public void Large_rows_go_in_transactions_of_at_most_4_MiB()
    {
        // 100 rows of a full 64 KiB binary property: some 8.5 MiB as base64, in one transaction were only operations counted.
        var rows = Enumerable.Range(0, 100).Select(i => Upsert(Binary(i, 64 * 1024))).ToList();

        var batches = EntityTransactions.Batches(rows);

        Assert.Equal(3, batches.Count);
        Assert.All(batches, b =>
            Assert.InRange(b.Sum(a => EntityTransactions.Bound((TableEntity)a.Entity)), 0, EntityTransactions.MaxPayload));
        Assert.Equal(rows, batches.SelectMany(b => b));
    }

    [Fact]
    public void The_sizes_decide_where_a_transaction_ends()
    {
        const long third = EntityTransactions.MaxPayload / 3;
        Assert.Equal(
            [["a", "b", "c"], ["d", "e"], ["f"]],
            EntityTransactions.Batches(["a", "b", "c", "d", "e", "f"], s => s == "d" ? third * 2 : third));
    }

    public static TheoryData<string, TableEntity> Rows => new()
    {
        { "a full binary property", Binary(0, 64 * 1024) },
        { "a one-byte binary property", Binary(1, 1) },
        { "JSON with control characters", new("p", "r2") { ["Doc"] = "{\"控制\":\"\u0001\u0002\"}" } },
        { "a string all control characters", new("p", "r3") { ["Text"] = new string('\u0007', 4000) } },
        {
            "numbers, a time and a flag",
            new("p", "r4") { ["Count"] = 12, ["Big"] = long.MaxValue, ["At"] = DateTimeOffset.UnixEpoch, ["F"] = true }
        },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task The_bound_of_a_rows_properties_is_not_less_than_what_the_SDK_sends(string what, TableEntity row)
    {
        var keysOnly = new TableEntity(row.PartitionKey, row.RowKey);
        var sent = await SentBytesAsync([Upsert(row)]) - await SentBytesAsync([Upsert(keysOnly)]);
        Assert.True(sent <= EntityTransactions.Bound(row) - EntityTransactions.Bound(keysOnly), $"{what}: {sent} bytes sent");
    }

    [Fact]
    public async Task The_bound_of_100_operations_with_long_keys_and_their_envelope_is_not_less_than_what_the_SDK_sends()
    {
        var rows = Enumerable.Range(0, 100)
            .Select(i => new TableEntity($"{new string('区', 200)}|2026", $"b|键|{i:D4}|{new string('x', 300)}"))
            .ToList();
        var sent = await SentBytesAsync(rows.Select(Upsert));
        var bound = rows.Sum(EntityTransactions.Bound) + (4L * 1024 * 1024) - EntityTransactions.MaxPayload;
        Assert.True(sent <= bound, $"{sent} bytes sent, bound {bound}");
    }

    /// <summary>The body of the transaction request the SDK builds, caught before it is sent.</summary>
    private static async Task<long> SentBytesAsync(IEnumerable<TableTransactionAction> actions)
    {
        var handler = new Catching();
        var client = new TableClient(
            new Uri("http://127.0.0.1:10002/devstoreaccount1/Rankings"),
            "Rankings",
            new TableSharedKeyCredential("devstoreaccount1", Convert.ToBase64String(new byte[64])),
            new TableClientOptions { Transport = new HttpClientTransport(new HttpClient(handler)), Retry = { MaxRetries = 0 } });
        await Assert.ThrowsAnyAsync<Exception>(() => client.SubmitTransactionAsync(actions));
        return handler.Bytes ?? throw new InvalidOperationException("nothing was sent");
    }

    private sealed class Catching : HttpMessageHandler
    {
        public long? Bytes { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Bytes = (await request.Content!.ReadAsByteArrayAsync(cancellationToken)).Length;
            throw new HttpRequestException("caught");
        }
    }
}
