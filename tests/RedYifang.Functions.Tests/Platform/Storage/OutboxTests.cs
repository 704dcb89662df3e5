using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Tests.Platform.Storage;

[Collection("app")]
public sealed class OutboxTests(AppFixture fixture)
{
    private readonly AppUnderTest _app = fixture.App;

    private QueueClient Queue(string name) => new(_app.Storage.ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    [Fact]
    public async Task A_staged_message_is_sent_after_its_transaction_and_its_row_removed()
    {
        var outbox = _app.Services.GetRequiredService<Outbox>();
        var table = await _app.Services.GetRequiredService<Tables>().GetAsync("Orders");
        var queueName = "outbox-test-" + Guid.NewGuid().ToString("N")[..8];
        var partition = "outbox-test-" + Guid.NewGuid().ToString("N")[..8];
        var staged = outbox.Stage(partition, queueName, new { hello = "世界" });

        await table.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, "state")), staged.Action]);
        await outbox.DispatchAsync(table, [staged.Entry]);

        var message = Assert.Single((await Queue(queueName).ReceiveMessagesAsync(10)).Value);
        Assert.Equal("""{"hello":"世界"}""", message.Body.ToString());
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>(partition, staged.Entry.RowKey)).HasValue);
    }

    [Fact]
    public async Task A_message_stranded_by_a_crash_is_sent_by_the_sweeper()
    {
        var outbox = _app.Services.GetRequiredService<Outbox>();
        var table = await _app.Services.GetRequiredService<Tables>().GetAsync("Orders");
        var queueName = "outbox-test-" + Guid.NewGuid().ToString("N")[..8];
        var partition = "outbox-test-" + Guid.NewGuid().ToString("N")[..8];
        var staged = outbox.Stage(partition, queueName, new { order = 7 });
        var row = (TableEntity)staged.Action.Entity;
        row["StagedAt"] = DateTimeOffset.UtcNow.AddMinutes(-5); // committed five minutes ago, never dispatched
        await table.AddEntityAsync(row);

        var sweeper = ActivatorUtilities.CreateInstance<OutboxSweeperFunction>(_app.Services);
        await sweeper.Run(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);

        var message = Assert.Single((await Queue(queueName).ReceiveMessagesAsync(10)).Value);
        Assert.Equal("""{"order":7}""", message.Body.ToString());
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>(partition, row.RowKey)).HasValue);
    }
}
