using RedYifang.Functions.Orders;

namespace RedYifang.Functions.Evidence;

/// <summary>Answers Orders' question about an order's evidence (<see cref="IOrderEvidence"/>) from Evidence's own store.</summary>
public sealed class OrderEvidence(EvidenceStore store) : IOrderEvidence
{
    public async Task<bool> AllVerifiedAsync(string orderId, IReadOnlyList<string> evidenceIds, CancellationToken ct)
    {
        if (evidenceIds.Count == 0) return false;
        var items = await Task.WhenAll(evidenceIds.Select(id => store.FindAsync(id, ct)));
        return items.All(e => e is { Record.State: EvidenceState.Verified, Record.OwnerType: OwnerType.Order }
            && e.Record.OwnerId == orderId);
    }
}
