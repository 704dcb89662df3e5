namespace RedYifang.Functions.Orders;

/// <summary>The work a unit reports done, with the evidence (痕迹) that shows it.</summary>
public sealed record Completion(IReadOnlyList<string> EvidenceIds, decimal ServiceHours, int Beneficiaries, DateTimeOffset At);
