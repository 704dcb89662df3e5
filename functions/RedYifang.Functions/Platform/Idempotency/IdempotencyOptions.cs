namespace RedYifang.Functions.Platform.Idempotency;

public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>How long a key's first response is replayed.</summary>
    [TimeSpanRange("00:01:00", "7.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a request with a key may run before another request with the key may take over.</summary>
    [TimeSpanRange("00:00:05", "00:10:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a second request waits for the first one with the same key to finish.</summary>
    [TimeSpanRange("00:00:00", "00:01:00")]
    public TimeSpan WaitForFirst { get; set; } = TimeSpan.FromSeconds(15);
}
