using System.ComponentModel.DataAnnotations;

namespace RedYifang.Functions.Platform.Quotas;

/// <summary>
/// The limits on what one caller may do (README: quotas and rate limits). The sign-in limits are per instance
/// (<see cref="BurstLimits"/>): with N instances a client gets up to N times as many. The per-user quotas are counted in Table
/// Storage (<see cref="DailyQuotas"/>, <see cref="HeldQuotas"/>) and hold across instances.
/// </summary>
public sealed class QuotaOptions
{
    public const string Section = "Quotas";

    /// <summary>
    /// Sign-ins (WeChat and dev) from one client address per <see cref="SignInWindow"/>, per instance. Generous: residents
    /// of one estate often share a carrier's address.
    /// </summary>
    [Range(1, 1_000_000)] public int SignInsPerAddress { get; set; } = 60;

    /// <summary>Sign-ins of one open id per <see cref="SignInWindow"/>, per instance.</summary>
    [Range(1, 1_000_000)] public int SignInsPerOpenId { get; set; } = 6;

    /// <summary>The window the sign-in limits count in.</summary>
    [TimeSpanRange("00:00:01", "1.00:00:00")]
    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Orders a resident may raise per day (China's day), across instances. Admins over the community are not counted.</summary>
    [Range(1, 1_000_000)] public int OrdersPerResidentPerDay { get; set; } = 10;

    /// <summary>Upload tickets a user may hold unused at once (a ticket is released by its commit or when it expires).</summary>
    [Range(1, 10_000)] public int PendingUploadTickets { get; set; } = 20;

    /// <summary>The bytes those tickets may announce together.</summary>
    [Range(1, 100L * 1024 * 1024 * 1024)] public long PendingUploadBytes { get; set; } = 200L * 1024 * 1024;
}
