namespace RedYifang.Functions.Orders;

/// <summary>Whom an admin files an order for: a resident by user id, or a <see cref="RepresentedPerson"/> (exactly one of them).</summary>
public sealed record Behalf(string? ResidentId, RepresentedPerson? Represented);
