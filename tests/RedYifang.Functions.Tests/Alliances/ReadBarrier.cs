using Azure.Core;
using Azure.Core.Pipeline;

namespace RedYifang.Functions.Tests.Alliances;

/// <summary>
/// A policy in the app's storage clients that makes a race happen for certain: once armed, it holds every request it matches
/// until <c>count</c> of them have come, then lets them all go together — so every racer has read the same state before any of
/// them writes. Later requests pass. While armed it also sends entity-group transactions one at a time, so that only the store's
/// own conditions (an add of a key taken, an ETag) decide the race, not Azurite's handling of concurrent batches of a partition.
/// A guard (<see cref="Generous"/>) lets the held ones go if fewer come; <see cref="Disarm"/> says how many were held.
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
        public int Arrived { get; set; }
        public TaskCompletionSource Open { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Holds the next <paramref name="count"/> requests whose URL (unescaped) contains <paramref name="text"/>.</summary>
    public void Arm(string text, int count)
    {
        lock (_gate)
        {
            _armed = new Armed(r => r.Method == RequestMethod.Get
                && Uri.UnescapeDataString(r.Uri.ToString()).Contains(text, StringComparison.Ordinal), count);
        }
    }

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

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Task? wait = null;
        bool armed;
        lock (_gate)
        {
            armed = _armed is not null;
            if (_armed is { } a && !a.Open.Task.IsCompleted && a.Match(message.Request))
            {
                if (++a.Arrived >= a.Count) a.Open.TrySetResult();
                wait = a.Open.Task;
            }
        }
        if (wait is not null)
        {
            try
            {
                await wait.WaitAsync(Generous);
            }
            catch (TimeoutException)
            {
                // Fewer came than armed for: go on; the test's count of what was held says so.
            }
        }
        var batch = message.Request.Method == RequestMethod.Post && message.Request.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal);
        if (!armed || !batch)
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
