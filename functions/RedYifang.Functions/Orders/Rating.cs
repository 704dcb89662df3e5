using RedYifang.Functions.ContentSecurity;

namespace RedYifang.Functions.Orders;

/// <summary>
/// The resident's stars (1–5) and comment. <see cref="Represented"/>: given by an admin for a resident without an account
/// (an order filed as <see cref="Order.Represented"/>), carried onto the assessment's rated fact (docs/assessment.md).
/// <see cref="Moderation"/>: how the comment stands with content security (none without a comment, or before screening began).
/// </summary>
public sealed record Rating(int Stars, string? Comment, DateTimeOffset At, bool Represented = false, Screening? Moderation = null);
