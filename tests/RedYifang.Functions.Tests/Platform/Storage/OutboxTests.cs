using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Tests.Platform.Storage;

/// <summary>
/// The transactional outbox, on queues and partitions of each test's own. The sweeper is a timer (off in the slice app, so it
/// never runs behind a test's back): the test about it runs it once, as the host would.
/// </summary>
[Collection(Slices.Platform)]
public sealed class OutboxTests(SliceApp slice)
{
    private readonly AppUnderTest _app = slice.App;

    private QueueClient Queue(string name)
        => new(_app.Storage.ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    private static string Unique(string what) => $"outbox-{what}-{Guid.NewGuid().ToString("N")[..8]}";

    private async Task<string[]> MessagesAsync(string queue)
    {
        var client = Queue(queue);
        return await client.ExistsAsync() ? (await client.ReceiveMessagesAsync(32)).Value.Select(m => m.Body.ToString()).ToArray() : [];
    }

    [Fact]
    public async Task A_staged_message_is_sent_after_its_transaction_and_its_row_removed()
    {
        var outbox = _app.Services.GetRequiredService<Outbox>();
        var table = await _app.Services.GetRequiredService<Tables>().GetAsync("Orders");
        var (queue, partition) = (Unique("queue"), Unique("partition"));
        var staged = outbox.Stage(partition, queue, new { hello = "世界" });
        Assert.StartsWith(Outbox.RowPrefix, staged.Entry.RowKey);

        await table.SubmitTransactionAsync(
            [new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, "state")), staged.Action]);
        Assert.True((await table.GetEntityIfExistsAsync<TableEntity>(partition, staged.Entry.RowKey)).HasValue);   // committed with the change
        await outbox.DispatchAsync(table, [staged.Entry]);

        Assert.Equal(["""{"hello":"世界"}"""], await MessagesAsync(queue));
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>(partition, staged.Entry.RowKey)).HasValue);
        Assert.True((await table.GetEntityIfExistsAsync<TableEntity>(partition, "state")).HasValue);
    }

    [Fact]
    public async Task A_message_stranded_by_a_crash_is_sent_by_the_sweeper_and_a_fresh_one_is_left_to_its_writer()
    {
        var outbox = _app.Services.GetRequiredService<Outbox>();
        var table = await _app.Services.GetRequiredService<Tables>().GetAsync("Orders");
        var (strandedQueue, freshQueue, partition) = (Unique("stranded"), Unique("fresh"), Unique("partition"));
        var stranded = outbox.Stage(partition, strandedQueue, new { order = 7 });
        var row = (TableEntity)stranded.Action.Entity;
        row["StagedAt"] = DateTimeOffset.UtcNow.AddMinutes(-5); // committed five minutes ago, never dispatched
        await table.AddEntityAsync(row);
        var fresh = outbox.Stage(partition, freshQueue, new { order = 8 });   // committed just now: its writer is still sending it
        await table.AddEntityAsync((TableEntity)fresh.Action.Entity);

        var sweeper = ActivatorUtilities.CreateInstance<OutboxSweeperFunction>(_app.Services);
        await sweeper.Run(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);

        Assert.Equal(["""{"order":7}"""], await MessagesAsync(strandedQueue));
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>(partition, row.RowKey)).HasValue);
        Assert.Empty(await MessagesAsync(freshQueue));
        Assert.True((await table.GetEntityIfExistsAsync<TableEntity>(partition, fresh.Entry.RowKey)).HasValue);
    }
}
