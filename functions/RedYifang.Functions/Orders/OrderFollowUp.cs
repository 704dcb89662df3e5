namespace RedYifang.Functions.Orders;

/// <summary>The resident's answer to "is it fixed?" after acceptance (issue 17): given once per order.</summary>
public sealed record OrderFollowUp(bool Fixed, string? Comment, string By, DateTimeOffset At);
