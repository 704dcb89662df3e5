using Microsoft.Extensions.Logging;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.LocalHost;

/// <summary>
/// What the host's background work (queue polls, timer runs, the demo load) tells about storage while it does not answer.
/// One per host, shared by all of them: the first failure of an outage is logged, by its kind only (storage messages carry
/// request URIs whose keys may name people's records: <see cref="StorageOutage.Describe"/>); the rest are counted and retried
/// quietly with <see cref="Next"/>'s back-off (<see cref="WhileDownAsync"/>); the first success afterwards logs that storage
/// answers again and how many attempts failed meanwhile. Without it, seven queue listeners wrote a stack trace every few
/// seconds each.
/// </summary>
public sealed partial class OutageLog(ILogger<OutageLog> logger)
{
    /// <summary>The first wait after a failure; each further failure doubles it, up to <see cref="MaxDelay"/>.</summary>
    public static readonly TimeSpan MinDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Kept short: this host runs beside Azurite, and storage back means work flowing again within seconds (the SDK's own
    /// retries come on top of it).
    /// </summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private volatile bool _down;
    private int _failures;

    /// <summary>Whether an outage is under way (a failure seen, no success since).</summary>
    public bool Down => _down;

    /// <summary>The failed attempts counted since the outage began, over all the host's background work.</summary>
    public int Failures
    {
        get
        {
            lock (_gate) return _failures;
        }
    }

    /// <summary>The wait after <paramref name="delay"/>: doubled, from <see cref="MinDelay"/> up to <see cref="MaxDelay"/>.</summary>
    public static TimeSpan Next(TimeSpan delay) =>
        TimeSpan.FromTicks(Math.Clamp(delay.Ticks * 2, MinDelay.Ticks, MaxDelay.Ticks));

    /// <summary>An attempt of <paramref name="work"/> failed because storage did not answer.</summary>
    public void Failed(string work, Exception exception)
    {
        lock (_gate)
        {
            _failures++;
            if (_down) return;
            _down = true;
        }
        LogDown(work, StorageOutage.Describe(exception));
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> until storage answers it, waiting <see cref="Next"/>'s back-off (on
    /// <paramref name="clock"/>) after each failure that is an outage (<see cref="StorageOutage.Is"/>). True once it ran; false
    /// when the host stops or the next wait would reach <paramref name="giveUpAt"/>. Any other failure is the caller's.
    /// </summary>
    public async Task<bool> WhileDownAsync(
        string work,
        Func<Task> attempt,
        CancellationToken stoppingToken,
        TimeProvider? clock = null,
        DateTimeOffset? giveUpAt = null)
    {
        clock ??= TimeProvider.System;
        var delay = TimeSpan.Zero;
        while (true)
        {
            try
            {
                await attempt();
                Answered(work);
                return true;
            }
            catch (Exception e) when (StorageOutage.Is(e) && !stoppingToken.IsCancellationRequested)
            {
                Failed(work, e);
                delay = Next(delay);
                if (clock.GetUtcNow() + delay >= giveUpAt) return false;
                try
                {
                    await Task.Delay(delay, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return false;
                }
            }
        }
    }

    /// <summary>An attempt of <paramref name="work"/> reached storage.</summary>
    public void Answered(string work)
    {
        if (!_down) return;
        int failures;
        lock (_gate)
        {
            if (!_down) return;
            _down = false;
            failures = _failures;
            _failures = 0;
        }
        LogBack(work, failures);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Storage does not answer ({Work}: {Failure}); background work retries with back-off and is logged again once storage answers")]
    private partial void LogDown(string work, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage answers again ({Work}) after {Failures} failed attempts")]
    private partial void LogBack(string work, int failures);
}
