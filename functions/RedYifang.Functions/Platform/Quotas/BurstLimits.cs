using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Platform.Quotas;

/// <summary>
/// The sign-in limits, kept in this instance's memory (a fixed window per client address and per open id): they stop a
/// flood cheaply without a storage round trip, and each instance counts its own. What holds across instances at scale is
/// a limit in front of the app (README: quotas and rate limits).
/// </summary>
public sealed class BurstLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _byAddress;
    private readonly PartitionedRateLimiter<string> _byOpenId;

    public BurstLimits(IOptions<QuotaOptions> options)
    {
        var o = options.Value;
        _byAddress = PerKey(o.SignInsPerAddress, o.SignInWindow);
        _byOpenId = PerKey(o.SignInsPerOpenId, o.SignInWindow);
    }

    /// <summary>Counts a sign-in from <paramref name="address"/>; 429 <c>too_many_sign_ins</c> over the limit.</summary>
    public void SignInFrom(string address) => Take(_byAddress, address, QuotaProblems.SignInsFromAddress);

    /// <summary>Counts a sign-in of <paramref name="openId"/>; 429 <c>too_many_sign_ins</c> over the limit.</summary>
    public void SignInOf(string openId) => Take(_byOpenId, openId, QuotaProblems.SignInsOfUser);

    public void Dispose()
    {
        _byAddress.Dispose();
        _byOpenId.Dispose();
    }

    private static PartitionedRateLimiter<string> PerKey(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(
            key => RateLimitPartition.GetFixedWindowLimiter(
                key,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }),
            StringComparer.Ordinal);

    private static void Take(PartitionedRateLimiter<string> limiter, string key, Func<TimeSpan, TooManyRequestsException> problem)
    {
        using var lease = limiter.AttemptAcquire(key);
        if (lease.IsAcquired) return;
        throw problem(lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1));
    }
}
