namespace RedYifang.Functions.Orders;

/// <summary>
/// The work a unit reports done, with the evidence (痕迹) that shows it and the people who served in person
/// (<see cref="ServedBy"/>, user ids: party members among them earn points once the order is accepted). A completion stored
/// before orders recorded who served reads with nobody named.
/// </summary>
public sealed record Completion(IReadOnlyList<string> EvidenceIds, decimal ServiceHours, int Beneficiaries, DateTimeOffset At)
{
    /// <summary>At most this many people named as serving one order.</summary>
    public const int MaxServedBy = 20;

    public IReadOnlyList<string> ServedBy { get; init; } = [];
}
