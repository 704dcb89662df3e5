namespace RedYifang.Functions.Evidence;

/// <summary>Answers other features' question about an object's evidence (<see cref="IVerifiedEvidence"/>) from Evidence's own store.</summary>
public sealed class VerifiedEvidence(EvidenceStore store) : IVerifiedEvidence
{
    public async Task<bool> AllVerifiedAsync(OwnerType ownerType, string ownerId, IReadOnlyList<string> evidenceIds, CancellationToken ct)
    {
        if (evidenceIds.Count == 0) return false;
        var items = await Task.WhenAll(evidenceIds.Select(id => store.FindAsync(id, ct)));
        return items.All(e => e is { Record.State: EvidenceState.Verified }
            && e.Record.OwnerType == ownerType && e.Record.OwnerId == ownerId);
    }
}
