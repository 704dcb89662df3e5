namespace RedYifang.Functions.Orders;

/// <summary>What Orders asks of Evidence (which implements it): is this evidence verified and this order's?</summary>
public interface IOrderEvidence
{
    /// <summary>True when every id names evidence that is verified and attached to <paramref name="orderId"/> (false for none).</summary>
    Task<bool> AllVerifiedAsync(string orderId, IReadOnlyList<string> evidenceIds, CancellationToken ct);
}
