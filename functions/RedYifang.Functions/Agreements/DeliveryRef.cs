namespace RedYifang.Functions.Agreements;

/// <summary>One delivery behind a commitment's count: what it is, its id, and when it was delivered (accepted).</summary>
public sealed record DeliveryRef(DeliverySource Source, string Id, DateTimeOffset At);
