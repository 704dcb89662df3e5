namespace RedYifang.Functions.Platform.Idempotency;

/// <summary>What a request does with the row its key already has (the rule <see cref="IdempotentRequests"/> applies).</summary>
public static class IdempotencyLease
{
    public enum Step
    {
        /// <summary>The row is past its retention: the key is free, the request claims it afresh.</summary>
        Claim,
        /// <summary>The first request finished: its answer is replayed.</summary>
        Replay,
        /// <summary>The first request still holds its lease: wait for it.</summary>
        Wait,
        /// <summary>
        /// The first request's lease lapsed before it finished. It may have died before it changed anything, or after its change
        /// committed but before its answer was stored (storage failed, its instance stopped): the request runs the operation again
        /// with the first one's seed, so it makes the same ids and finds what the first run wrote instead of writing it twice.
        /// </summary>
        Resume,
        /// <summary>Another body under the same key (within retention, finished or not): refused.</summary>
        KeyReused,
    }

    /// <param name="state"><c>pending</c> or <c>done</c>.</param>
    /// <param name="leaseUntil">Until when a pending row's request holds it.</param>
    /// <param name="expiresAt">The end of the row's retention.</param>
    /// <param name="sameRequest">Whether the row was claimed for the same body as this request's.</param>
    /// <param name="now">The time of the decision.</param>
    public static Step Decide(string? state, DateTimeOffset? leaseUntil, DateTimeOffset? expiresAt, bool sameRequest, DateTimeOffset now)
    {
        if (expiresAt < now) return Step.Claim;
        if (!sameRequest) return Step.KeyReused;
        if (state == "done") return Step.Replay;
        // A row without a lease is not this code's and is never taken over.
        return leaseUntil < now ? Step.Resume : Step.Wait;
    }
}
