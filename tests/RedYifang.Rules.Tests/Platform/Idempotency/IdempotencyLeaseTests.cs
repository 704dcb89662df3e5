using Microsoft.Extensions.Time.Testing;
using RedYifang.Functions.Platform.Idempotency;

namespace RedYifang.Rules.Tests.Platform.Idempotency;

/// <summary>When a key's row may be taken over, on a fake clock with the default lease (60 s) and retention (24 h).</summary>
public sealed class IdempotencyLeaseTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero));
    private readonly IdempotencyOptions _options = new();

    private (DateTimeOffset Lease, DateTimeOffset Expires) ClaimedNow() =>
        (_clock.GetUtcNow() + _options.Lease, _clock.GetUtcNow() + _options.Retention);

    [Fact]
    public void A_pending_claim_is_held_for_its_lease_and_free_once_it_lapses()
    {
        var (lease, expires) = ClaimedNow();

        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.False(IdempotencyLease.IsAbandoned("pending", lease, expires, _clock.GetUtcNow()));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(IdempotencyLease.IsAbandoned("pending", lease, expires, _clock.GetUtcNow()));   // at the instant: still held
        _clock.Advance(TimeSpan.FromTicks(1));
        Assert.True(IdempotencyLease.IsAbandoned("pending", lease, expires, _clock.GetUtcNow()));
    }

    [Fact]
    public void A_finished_claim_is_replayed_until_its_retention_ends_whatever_its_old_lease()
    {
        var (lease, expires) = ClaimedNow();

        _clock.Advance(TimeSpan.FromHours(23));
        Assert.False(IdempotencyLease.IsAbandoned("done", lease, expires, _clock.GetUtcNow()));
        _clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromTicks(1));
        Assert.True(IdempotencyLease.IsAbandoned("done", lease, expires, _clock.GetUtcNow()));
    }

    [Fact]
    public void A_row_without_times_is_never_taken_over()
    {
        // Rows are always written with both times; a row missing them is not this code's and is left alone.
        Assert.False(IdempotencyLease.IsAbandoned("pending", null, null, _clock.GetUtcNow()));
    }
}
