using RedYifang.Functions.Activities;

namespace RedYifang.Functions.Agreements;

/// <summary>
/// Answers Activities' question about the commitment an activity delivers (<see cref="IActivityAgreements"/>) from Agreements'
/// own store.
/// </summary>
public sealed class ActivityAgreements(AgreementStore agreements) : IActivityAgreements
{
    public async Task<IActivityAgreements.CommitmentInfo?> CommitmentAsync(string agreementId, int index, CancellationToken ct)
    {
        if (await agreements.FindAsync(agreementId, ct) is not { Agreement: var a }) return null;
        var commitment = index >= 0 && index < a.Commitments.Count ? a.Commitments[index] : null;
        return new IActivityAgreements.CommitmentInfo(a.UnitId, a.State is AgreementState.Draft or AgreementState.Active,
            commitment is null ? null : new IActivityAgreements.Commitment(commitment.Category, commitment.Kind == CommitmentKind.Service));
    }
}
