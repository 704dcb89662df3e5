using Azure;
using Polly;
using Polly.Retry;

namespace RedYifang.Functions.Platform.Storage;

/// <summary>
/// The one reload-and-retry policy for conditional (ETag) updates of a shared row: a capacity ledger, running totals,
/// a hash chain's head. An attempt reads, decides and writes on the ETag it read; losing the race (409/412) runs the
/// whole attempt again after a short jittered back-off. Used where losing is normal contention, never to hide a
/// conflict a caller should see (an order changed by someone else is a 409 to that caller).
/// </summary>
public static class ConcurrentUpdate
{
    public const int MaxAttempts = 30;

    private static readonly ResiliencePipeline Pipeline = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<RequestFailedException>(IsLostRace),
            MaxRetryAttempts = MaxAttempts - 1,
            Delay = TimeSpan.FromMilliseconds(5),
            BackoffType = DelayBackoffType.Exponential,
            MaxDelay = TimeSpan.FromMilliseconds(200),
            UseJitter = true,
        })
        .Build();

    public static ValueTask RunAsync(Func<CancellationToken, ValueTask> attempt, CancellationToken ct) =>
        Pipeline.ExecuteAsync(attempt, ct);

    public static ValueTask<T> RunAsync<T>(Func<CancellationToken, ValueTask<T>> attempt, CancellationToken ct) =>
        Pipeline.ExecuteAsync(attempt, ct);

    /// <summary>What an attempt throws when it found, without a write failing, that another writer got there first.</summary>
    public static RequestFailedException LostRace() => new(412, "Another writer changed the row first.");

    private static bool IsLostRace(RequestFailedException e) => e.Status is 409 or 412;
}
