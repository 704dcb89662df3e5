using Azure.Storage.Queues;

namespace RedYifang.LocalHost.Tests;

[Collection("sample")]
public sealed class QueueTriggerTests(SampleAppFixture fixture)
{
    private QueueClient Queue(string name) =>
        new(fixture.Storage.ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    [Fact]
    public async Task A_base64_message_is_bound_to_its_record_processed_once_and_deleted()
    {
        var id = Guid.NewGuid().ToString("N");
        var queue = Queue("sample-work");
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync($$"""{"id":"{{id}}","fail":false}""");

        await Eventually.WaitAsync(async () => (await fixture.JournalAsync("work", id)).Count > 0, TimeSpan.FromSeconds(15));
        await Task.Delay(1000);

        var attempts = await fixture.JournalAsync("work", id);
        Assert.Equal(["attempt 1"], attempts.Select(a => a.GetString("Detail")));
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task A_message_that_always_fails_is_tried_maxDequeueCount_times_then_moved_to_the_poison_queue()
    {
        var id = Guid.NewGuid().ToString("N");
        var body = $$"""{"id":"{{id}}","fail":true}""";
        var queue = Queue("sample-work");
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync(body);

        var poison = Queue("sample-work-poison");
        string? poisoned = null;
        await Eventually.WaitAsync(async () =>
        {
            if (!await poison.ExistsAsync()) return false;
            var peeked = (await poison.PeekMessagesAsync(32)).Value;
            poisoned = peeked.Select(m => m.Body.ToString()).FirstOrDefault(b => b.Contains(id));
            return poisoned is not null;
        }, TimeSpan.FromSeconds(30));

        Assert.Equal(body, poisoned);
        var attempts = await fixture.JournalAsync("work", id);
        Assert.Equal(["attempt 1", "attempt 2", "attempt 3"], attempts.Select(a => a.GetString("Detail")).Order());
    }

    [Fact]
    public async Task A_message_that_is_not_base64_goes_to_poison_alone_and_the_rest_of_its_batch_runs()
    {
        var ids = Enumerable.Range(0, 6).Select(_ => Guid.NewGuid().ToString("N")).ToList();
        var queue = Queue("sample-work");
        await queue.CreateIfNotExistsAsync();
        var raw = new QueueClient(
            fixture.Storage.ConnectionString,
            "sample-work",
            new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        var garbage = $"not base64 {Guid.NewGuid():N} !!";
        await raw.SendMessageAsync(garbage);
        foreach (var id in ids) await queue.SendMessageAsync($$"""{"id":"{{id}}","fail":false}""");

        // Every good message runs once, promptly (its batch is not hidden behind the bad one).
        foreach (var id in ids)
        {
            await Eventually.WaitAsync(async () => (await fixture.JournalAsync("work", id)).Count > 0, TimeSpan.FromSeconds(15));
        }
        var poison = Queue("sample-work-poison");
        string? poisoned = null;
        await Eventually.WaitAsync(async () =>
        {
            if (!await poison.ExistsAsync()) return false;
            poisoned = (await poison.PeekMessagesAsync(32)).Value.Select(m => m.Body.ToString()).FirstOrDefault(b => b == garbage);
            return poisoned is not null;
        }, TimeSpan.FromSeconds(15));
        Assert.Equal(garbage, poisoned);
        foreach (var id in ids)
        {
            Assert.Equal(["attempt 1"], (await fixture.JournalAsync("work", id)).Select(a => a.GetString("Detail")));
        }
    }
}
