using System.Net.Sockets;
using Azure;

namespace RedYifang.Functions.Platform.Storage;

/// <summary>
/// Whether a failure means storage could not be reached or could not answer (connection refused or reset, timeouts,
/// 5xx after the SDK's own retries) rather than a fault of this code; and when such a failure should be logged:
/// once per outage window, not once per request (a storage outage would otherwise write a stack trace per call).
/// </summary>
public sealed class StorageOutage(TimeProvider clock)
{
    /// <summary>How long one logged outage covers; the next failure after it is logged again.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>What a client is told to wait before trying again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    private long _lastLoggedTicks = long.MinValue;

    public static bool Is(Exception exception) => exception switch
    {
        RequestFailedException { Status: 0 or >= 500 } => true,
        RequestFailedException => false,
        HttpRequestException or SocketException or TimeoutException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(Is),
        { InnerException: { } inner } => Is(inner),
        _ => false,
    };

    /// <summary>
    /// The failure's kind without its message: storage messages carry request URIs, whose keys may name people's records.
    /// </summary>
    public static string Describe(Exception exception) => exception switch
    {
        RequestFailedException r => $"{nameof(RequestFailedException)} {r.Status} {r.ErrorCode}",
        AggregateException { InnerExceptions: [var first, ..] } => Describe(first),
        SocketException s => $"{nameof(SocketException)} {s.SocketErrorCode}",
        { InnerException: { } inner } => $"{exception.GetType().Name} ← {Describe(inner)}",
        _ => exception.GetType().Name,
    };

    /// <summary>True for the first failure of an outage window (the caller logs it); false for the rest of the window.</summary>
    public bool ShouldLog()
    {
        var now = clock.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref _lastLoggedTicks);
        if (last != long.MinValue && now - last < Window.Ticks) return false;
        return Interlocked.CompareExchange(ref _lastLoggedTicks, now, last) == last;
    }
}
