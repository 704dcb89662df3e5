using RedYifang.Functions.ContentSecurity;

namespace RedYifang.Functions.Orders;

/// <summary>
/// The resident's answer to "is it fixed?" after acceptance (issue 17): given once per order. <see cref="Moderation"/>: how the
/// comment stands with content security (none without a comment, or before screening began).
/// </summary>
public sealed record OrderFollowUp(bool Fixed, string? Comment, string By, DateTimeOffset At, Screening? Moderation = null)
{
    /// <summary>The history's reason when the resident says it is not fixed: their comment, or what stands in for it.</summary>
    public static string ReopenReason(string? comment) => comment is null ? "居民回访：问题未解决" : $"居民回访：问题未解决。{comment}";
}
