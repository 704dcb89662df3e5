using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace RedYifang.LocalHost.Tests;

/// <summary>
/// The local host with storage down, on an Azurite of its own that it stops and starts again on the same ports: the host starts
/// and serves anyway, its queue listener and its timer retry with back-off, each outage is logged once (not once per attempt),
/// and work flows again when storage answers, without a restart.
/// </summary>
public sealed class StorageOutageTests(ITestOutputHelper output)
{
    private const string Down = "Storage does not answer";
    private const string Back = "Storage answers again";

    [Fact]
    public async Task Starts_with_storage_down_retries_quietly_and_resumes_when_storage_answers()
    {
        await using var storage = await Azurite.StartNewAsync();
        await storage.StopAsync();
        var log = new LogCapture();
        // Tick runs at start-up and then not for a year: the only tick it can write is its start-up run, retried.
        var host = SampleAppFixture.Build(storage, new() { ["TickSchedule"] = "0 0 0 1 1 *" }, l => log.AddTo(l.Services));
        await host.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = host.BaseAddress() };
            Assert.Equal("abab", await http.GetStringAsync("api/sample/echo/ab/2"));         // it serves, storage or not
            var outage = host.Services.GetRequiredService<OutageLog>();

            var firstOutage = await FailuresAsync(outage);
            await storage.StartAsync();
            await Eventually.WaitAsync(
                async () => (await SampleAppFixture.JournalAsync(storage, "tick")).Count > 0,
                TimeSpan.FromSeconds(60));
            Assert.Equal(["startup"], (await SampleAppFixture.JournalAsync(storage, "tick")).Select(t => t.GetString("Detail")));
            await WorkRunsOnceAsync(storage);

            await storage.StopAsync();
            var secondOutage = await FailuresAsync(outage);
            await storage.StartAsync();
            await WorkRunsOnceAsync(storage);
            await Eventually.WaitAsync(() => Task.FromResult(log.Containing(Back).Count == 2), TimeSpan.FromSeconds(60));

            output.WriteLine($"outages: 2; failed attempts: {firstOutage} then {secondOutage}; " +
                $"logged: {log.Containing(Down).Count} down, {log.Containing(Back).Count} back");
            // Two outages, each told once when it began and once when it ended; nothing else warned of, however many attempts failed.
            Assert.Equal(2, log.Containing(Down).Count);
            Assert.Equal(2, log.Containing(Back).Count);
            Assert.All(log.Entries.Where(e => e.Level >= LogLevel.Warning), e => Assert.Equal(typeof(OutageLog).FullName, e.Category));
            Assert.Equal(["startup"], (await SampleAppFixture.JournalAsync(storage, "tick")).Select(t => t.GetString("Detail")));
        }
        finally
        {
            // What the host warned of, for a failure's message.
            foreach (var e in log.Entries.Where(e => e.Level >= LogLevel.Warning))
            {
                output.WriteLine($"{e.At:HH:mm:ss.fff} {e.Level} {e.Category}: {e.Message} {e.Exception?.Message}");
            }
            await host.StopAsync();
            await host.DisposeAsync();
        }
    }

    /// <summary>Waits until the host's background work has failed several times on the stopped store; returns how many.</summary>
    private static async Task<int> FailuresAsync(OutageLog outage)
    {
        await Eventually.WaitAsync(() => Task.FromResult(outage.Failures >= 4), TimeSpan.FromSeconds(90));
        Assert.True(outage.Down);
        Assert.True(outage.Failures >= 4, $"{outage.Failures} failed attempts");
        return outage.Failures;
    }

    /// <summary>A work item sent now runs once, through the queue listener.</summary>
    private static async Task WorkRunsOnceAsync(Azurite storage)
    {
        var id = Guid.NewGuid().ToString("N");
        var queue = new QueueClient(
            storage.ConnectionString,
            "sample-work",
            new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync($$"""{"id":"{{id}}","fail":false}""");
        await Eventually.WaitAsync(
            async () => (await SampleAppFixture.JournalAsync(storage, "work", id)).Count > 0,
            TimeSpan.FromSeconds(60));
        Assert.Equal(["attempt 1"], (await SampleAppFixture.JournalAsync(storage, "work", id)).Select(a => a.GetString("Detail")));
    }
}
