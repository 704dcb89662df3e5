using Azure.Core;
using Azure.Core.Pipeline;

namespace RedYifang.Testing;

/// <summary>
/// A policy in the app's storage clients that makes a race happen for certain: once armed, it holds the answer of every request
/// it matches until <c>count</c> of them have been answered, then lets them all go on together — so every racer has read the same
/// state before any of them writes. Later reads pass. While armed, it also sends entity-group transactions one at a time: batches of one partition
/// sent together did not all commit on Azurite even with the store's lock-row condition taken out (one booking won the race as
/// before), so concurrent batches would decide the race where only the store's own conditions (an insert, an ETag) should.
/// A guard (<see cref="Generous"/>) lets the held ones go if fewer come. Used by the Sites and Alliances slices.
/// </summary>
public sealed class ReadBarrier : HttpPipelinePolicy
{
    public static readonly TimeSpan Generous = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _oneBatch = new(1, 1);
    private Armed? _armed;

    private sealed class Armed(Func<Request, bool> match, int count)
    {
        public Func<Request, bool> Match { get; } = match;
        public int Count { get; } = count;
        public int Claimed { get; set; }
        public int Arrived { get; set; }
        public TaskCompletionSource Open { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Holds the next <paramref name="count"/> requests that <paramref name="match"/> accepts until all have come.</summary>
    public void Arm(Func<Request, bool> match, int count)
    {
        lock (_gate) _armed = new Armed(match, count);
    }

    /// <summary>Holds the next <paramref name="count"/> reads whose URL (unescaped) contains <paramref name="text"/>.</summary>
    public void Arm(string text, int count) =>
        Arm(r => r.Method == RequestMethod.Get && Uri.UnescapeDataString(r.Uri.ToString()).Contains(text, StringComparison.Ordinal), count);

    /// <summary>Lets everything pass as it comes again; returns how many requests the arming held.</summary>
    public int Disarm()
    {
        lock (_gate)
        {
            var held = _armed?.Arrived ?? 0;
            _armed = null;
            return held;
        }
    }

    /// <summary>How many requests the last arming held (all of them, when the race was forced).</summary>
    public int Held
    {
        get
        {
            lock (_gate) return _armed?.Arrived ?? 0;
        }
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Armed? held = null;
        lock (_gate)
        {
            if (_armed is { } armed && armed.Claimed < armed.Count && armed.Match(message.Request))
            {
                armed.Claimed++;
                held = armed;
            }
        }
        await SendAsync(message, pipeline);
        if (held is null) return;
        // Held once answered, not before sending: a racer's read let go before it was sent could still be answered after another
        // racer's write on a loaded machine (FollowUpTests saw it), and then the racers would not have read the same state.
        lock (_gate)
        {
            if (++held.Arrived >= held.Count) held.Open.TrySetResult();
        }
        try
        {
            await held.Open.Task.WaitAsync(Generous);
        }
        catch (TimeoutException)
        {
            // Fewer came than armed for: go on; the test's count of Held says so.
        }
    }

    private async ValueTask SendAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var batch = message.Request.Method == RequestMethod.Post && message.Request.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal);
        if (_armed is null || !batch)
        {
            await ProcessNextAsync(message, pipeline);
            return;
        }
        await _oneBatch.WaitAsync();
        try
        {
            await ProcessNextAsync(message, pipeline);
        }
        finally
        {
            _oneBatch.Release();
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();
}
