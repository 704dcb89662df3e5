using RedYifang.Functions.Platform.Catalogue;

namespace RedYifang.Functions.Activities;

/// <summary>
/// What Activities asks of Agreements (which implements it: Agreements/ActivityAgreements.cs), never reading its store: the
/// commitment an activity says it delivers.
/// </summary>
public interface IActivityAgreements
{
    /// <summary>The agreement's unit, state and commitment <paramref name="index"/>; null when there is no such agreement.</summary>
    Task<CommitmentInfo?> CommitmentAsync(string agreementId, int index, CancellationToken ct);

    /// <summary>
    /// An agreement as Activities needs it: its unit (the organiser must be it), whether it is in force or about to be (a draft
    /// or active: a terminated or expired agreement takes no new deliveries), and the commitment asked for — null when the
    /// index is past its commitments — with its category and whether it counts services (money commitments count no activity).
    /// </summary>
    sealed record CommitmentInfo(string UnitId, bool Open, Commitment? Commitment);

    sealed record Commitment(Category Category, bool IsService);
}
