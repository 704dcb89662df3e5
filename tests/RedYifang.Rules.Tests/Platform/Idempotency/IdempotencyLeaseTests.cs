using Microsoft.Extensions.Time.Testing;
using RedYifang.Functions.Platform.Idempotency;
using static RedYifang.Functions.Platform.Idempotency.IdempotencyLease;

namespace RedYifang.Rules.Tests.Platform.Idempotency;

/// <summary>What a request does with its key's row, on a fake clock with the default lease (60 s) and retention (24 h).</summary>
public sealed class IdempotencyLeaseTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero));
    private readonly IdempotencyOptions _options = new();

    private (DateTimeOffset Lease, DateTimeOffset Expires) ClaimedNow() =>
        (_clock.GetUtcNow() + _options.Lease, _clock.GetUtcNow() + _options.Retention);

    [Fact]
    public void A_pending_claim_is_waited_for_during_its_lease_and_resumed_once_it_lapses()
    {
        var (lease, expires) = ClaimedNow();

        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(Step.Wait, Decide("pending", lease, expires, sameRequest: true, _clock.GetUtcNow()));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(Step.Wait, Decide("pending", lease, expires, sameRequest: true, _clock.GetUtcNow()));   // at the instant: still held
        _clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(Step.Resume, Decide("pending", lease, expires, sameRequest: true, _clock.GetUtcNow()));
    }

    [Fact]
    public void Another_body_never_takes_over_a_claim_within_its_retention_even_one_whose_lease_lapsed()
    {
        // The first run may have committed its change before it lost its answer: another body under the key would make another
        // change, which is what the key is there to prevent.
        var (lease, expires) = ClaimedNow();

        Assert.Equal(Step.KeyReused, Decide("pending", lease, expires, sameRequest: false, _clock.GetUtcNow()));
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(Step.KeyReused, Decide("pending", lease, expires, sameRequest: false, _clock.GetUtcNow()));
        Assert.Equal(Step.KeyReused, Decide("done", lease, expires, sameRequest: false, _clock.GetUtcNow()));
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(Step.Claim, Decide("pending", lease, expires, sameRequest: false, _clock.GetUtcNow()));
    }

    [Fact]
    public void A_finished_claim_is_replayed_until_its_retention_ends_whatever_its_old_lease()
    {
        var (lease, expires) = ClaimedNow();

        _clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(Step.Replay, Decide("done", lease, expires, sameRequest: true, _clock.GetUtcNow()));
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(Step.Replay, Decide("done", lease, expires, sameRequest: true, _clock.GetUtcNow()));
        _clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(Step.Claim, Decide("done", lease, expires, sameRequest: true, _clock.GetUtcNow()));
    }

    [Fact]
    public void A_row_without_times_is_never_taken_over()
    {
        // Rows are always written with both times; a row missing them is not this code's and is left alone.
        Assert.Equal(Step.Wait, Decide("pending", null, null, sameRequest: true, _clock.GetUtcNow()));
    }
}
