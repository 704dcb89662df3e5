namespace RedYifang.Functions.Platform.Idempotency;

/// <summary>When a key's row may be taken over by a new request (the rule <see cref="IdempotentRequests"/> applies).</summary>
public static class IdempotencyLease
{
    /// <summary>
    /// A row past its retention is free whatever its state; a pending row whose lease ran out was left by a request that
    /// died mid-way (its instance stopped), so a new request may claim it; a finished row within retention is replayed.
    /// </summary>
    public static bool IsAbandoned(string? state, DateTimeOffset? leaseUntil, DateTimeOffset? expiresAt, DateTimeOffset now) =>
        expiresAt < now || (state == "pending" && leaseUntil < now);
}
