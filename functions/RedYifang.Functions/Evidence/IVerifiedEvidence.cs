namespace RedYifang.Functions.Evidence;

/// <summary>
/// What a feature asks Evidence before it counts something as proven (an order completed or accepted, an activity closed): is
/// this evidence verified, and attached to this object? Evidence answers from its own store; the asking feature never reads it.
/// </summary>
public interface IVerifiedEvidence
{
    /// <summary>
    /// True when every id names evidence that is verified and attached to the object (<paramref name="ownerType"/>,
    /// <paramref name="ownerId"/>); false for none.
    /// </summary>
    Task<bool> AllVerifiedAsync(OwnerType ownerType, string ownerId, IReadOnlyList<string> evidenceIds, CancellationToken ct);
}
