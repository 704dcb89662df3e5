using Azure.Storage.Queues;

namespace RedYifang.LocalHost.Tests;

/// <summary>
/// A taken message stays hidden for a short processing visibility, renewed while its function runs: a function that runs longer
/// than that visibility still runs once, though a second host polls the same queue all the while (a host does not poll while
/// its own batch runs, so only another instance could take the message again). Two hosts on an Azurite of their own, with a
/// two-second visibility so that renewals happen within the test.
/// </summary>
public sealed class ProcessingVisibilityTests
{
    [Fact]
    public async Task A_function_running_longer_than_the_processing_visibility_runs_once()
    {
        await using var storage = await Azurite.StartNewAsync();
        var host = SampleAppFixture.Build(storage, [], processingVisibility: TimeSpan.FromSeconds(2));
        var other = SampleAppFixture.Build(storage, [], processingVisibility: TimeSpan.FromSeconds(2));
        await host.StartAsync();
        await other.StartAsync();
        try
        {
            var id = Guid.NewGuid().ToString("N");
            var queue = new QueueClient(
                storage.ConnectionString,
                "sample-work",
                new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
            await queue.CreateIfNotExistsAsync();
            await queue.SendMessageAsync($$"""{"id":"{{id}}","fail":false,"sleepMs":6000}""");

            // Deleted once its function returned: about six seconds after it was taken, three visibilities later.
            await Eventually.WaitAsync(
                async () => (await SampleAppFixture.JournalAsync(storage, "work", id)).Count > 0
                    && (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0,
                TimeSpan.FromSeconds(60));
            Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
            Assert.Equal(["attempt 1"], (await SampleAppFixture.JournalAsync(storage, "work", id)).Select(a => a.GetString("Detail")));
        }
        finally
        {
            foreach (var h in new[] { host, other })
            {
                await h.StopAsync();
                await h.DisposeAsync();
            }
        }
    }
}
