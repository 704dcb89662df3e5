namespace RedYifang.Functions.Agreements;

/// <summary>Who signed for one side of an agreement, and when.</summary>
public sealed record Signature(string By, DateTimeOffset At);
