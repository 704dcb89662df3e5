using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Tests.Faults;

/// <summary>
/// An app of its own for one fault test: a slice app on an Azurite that the test stops and starts again under it (same ports,
/// same data), its storage clients passing through <see cref="StorageFaults"/> so the outage falls at an exact request, and a
/// <see cref="LogCapture"/> that counts function runs and failures. Of the timers only the outbox sweeper runs: every two
/// seconds, sending what was staged three or more seconds ago, so what an outage strands goes out within seconds.
/// </summary>
public sealed class FaultApp : IAsyncDisposable
{
    /// <summary>A guard against a hang, never a measure: how long a test waits for what must happen.</summary>
    public static readonly TimeSpan Generous = TimeSpan.FromMinutes(2);

    private readonly Xunit.Abstractions.ITestOutputHelper _output;

    private FaultApp(SliceApp slice, StorageFaults faults, LogCapture log, Xunit.Abstractions.ITestOutputHelper output)
    {
        _output = output;
        Slice = slice;
        Faults = faults;
        Log = log;
    }

    public SliceApp Slice { get; }
    public StorageFaults Faults { get; }
    public LogCapture Log { get; }
    public AppUnderTest App => Slice.App;
    public Azurite Storage => Slice.Storage;

    /// <summary>How many outages <see cref="OutageAtAsync"/> put under the app.</summary>
    public int FaultsInjected { get; private set; }

    /// <param name="output">Where the app's warnings go when the test ends (outages told, functions failed), to explain a failure.</param>
    public static async Task<FaultApp> StartAsync(Xunit.Abstractions.ITestOutputHelper output,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var faults = new StorageFaults();
        var log = new LogCapture();
        var all = new Dictionary<string, string?>
        {
            ["AzureWebJobs.OutboxSweeper.Disabled"] = "false",
            ["Outbox:Schedule"] = "*/2 * * * * *",
            ["Outbox:SweepAfter"] = "00:00:03",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var slice = await SliceApp.StartAsync(all, (services, configuration) =>
        {
            services.AddSingleton(new StorageClients(configuration, faults));
            log.AddTo(services);
        });
        return new FaultApp(slice, faults, log, output);
    }

    public T Service<T>() where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>
    /// Puts an outage at the trap's request: waits until the app sends it (holding it there), stops storage, lets the request go
    /// to fail on the stopped store, runs <paramref name="whileDown"/>, and starts storage again on the same ports and data.
    /// </summary>
    public async Task OutageAtAsync(StorageFaults.Trap trap, Func<Task>? whileDown = null)
    {
        await trap.Reached.WaitAsync(Generous);
        await Storage.StopAsync();
        FaultsInjected++;
        try
        {
            trap.Release();
            var failure = await trap.Outcome.WaitAsync(Generous);
            Assert.True(failure is not null, $"{trap.What} reached storage: the outage came too late");
            if (whileDown is not null) await whileDown();
        }
        finally
        {
            await Storage.StartAsync();
        }
    }

    /// <summary>
    /// Waits until every queue of the app is empty: what earlier steps queued has run, so an outage put next meets only the work
    /// the test aims it at. (A queue receive whose answer the outage swallows hides its messages for the listener's processing
    /// visibility — half a minute on the local host, ten minutes on the Functions host — which is not what a test is about.)
    /// </summary>
    public async Task QuietAsync()
    {
        var queues = new QueueServiceClient(Storage.ConnectionString);
        async Task<string?> WaitingAsync()
        {
            // integration-events-out is where events leave when no Service Bus is configured: other systems read it, not the app.
            await foreach (var queue in queues.GetQueuesAsync())
            {
                if (queue.Name == Functions.Platform.Messaging.QueueEventPublisher.Queue) continue;
                if ((await queues.GetQueueClient(queue.Name).GetPropertiesAsync()).Value.ApproximateMessagesCount > 0) return queue.Name;
            }
            return await OutboxRowsAsync() > 0 ? "an outbox row" : null;
        }
        // Quiet twice, half a second apart: a handler that has just taken the last message may stage the next one (through an
        // outbox row) after an empty look; in the CI rehearsal at load 30 one empty look was followed by a waiting queue.
        await EventuallyAsync(async () => await WaitingAsync() is null && await Task.Delay(500).ContinueWith(_ => true)
            && await WaitingAsync() is null);
        var waiting = await WaitingAsync();
        Assert.True(waiting is null, $"work queued earlier is still waiting: {waiting}");
    }

    /// <summary>
    /// Waits until no outbox row is left in any table that stages them, then asserts that every message staged by a committed
    /// transaction was sent (the outbox lost none).
    /// </summary>
    public async Task OutboxDrainedAsync()
    {
        await EventuallyAsync(async () => await OutboxRowsAsync() == 0);
        Assert.Equal(0, await OutboxRowsAsync());
        var sent = Faults.Sent.ToHashSet();
        Assert.All(Faults.Staged, message => Assert.Contains(message, sent));
    }

    /// <summary>
    /// What the outbox did, for a test's output: messages staged, how many of them were sent and how many of those more than
    /// once (an outage between a send and its row's removal), and the sweeper's runs.
    /// </summary>
    public string OutboxCounts()
    {
        var staged = Faults.Staged.GroupBy(m => m).ToDictionary(g => g.Key, g => g.Count());
        var sent = Faults.Sent.Where(staged.ContainsKey).GroupBy(m => m).ToDictionary(g => g.Key, g => g.Count());
        // Two rows may stage the same message (two requests for one district's run): a message is sent again when it goes out
        // more often than it was staged.
        var again = sent.Sum(s => Math.Max(0, s.Value - staged[s.Key]));
        return $"outbox messages staged {staged.Values.Sum()}, sent {sent.Values.Sum() - again} ({again} more sent again), " +
            $"sweeper runs {Runs("OutboxSweeper")}";
    }

    /// <summary>Outbox rows left in any table that stages them.</summary>
    public async Task<int> OutboxRowsAsync()
    {
        var count = 0;
        foreach (var table in App.Services.GetServices<OutboxTable>())
        {
            var filter = TableClient.CreateQueryFilter($"RowKey ge {Outbox.RowPrefix} and RowKey lt {"outbox}"}");
            try
            {
                count += await App.Table(table.Name).QueryAsync<TableEntity>(filter).CountAsync();
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // The table was never created: nothing staged in it.
            }
        }
        return count;
    }

    /// <summary>The function's runs that ended, failed or not, as the local host logged them.</summary>
    public int Runs(string function) => Log.Containing($"Executed 'Functions.{function}' (").Count;

    /// <summary>The function's runs that failed (and so were tried again by the queue).</summary>
    public int FailedRuns(string function) => Log.Containing($"Executed 'Functions.{function}' (Failed").Count;

    /// <summary>Waits for a condition on the app or its store, with <see cref="Generous"/> time; the caller asserts afterwards.</summary>
    public static Task EventuallyAsync(Func<Task<bool>> condition) => Eventually.WaitAsync(condition, Generous);

    public async ValueTask DisposeAsync()
    {
        foreach (var e in Log.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning))
        {
            _output.WriteLine($"{e.At:HH:mm:ss.fff} {e.Level} {e.Category}: {e.Message} {e.Exception?.GetType().Name}");
        }
        await Slice.DisposeAsync();
    }
}
