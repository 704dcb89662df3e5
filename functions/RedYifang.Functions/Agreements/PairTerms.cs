namespace RedYifang.Functions.Agreements;

/// <summary>
/// The terms of the active agreements between one party organisation and one unit: the overlap rule's data. An active
/// agreement may not share a day with another active agreement of the same pair; drafts are not counted (they may overlap
/// each other and an active agreement's successor is usually drafted before it ends), so the rule is checked when a draft
/// is created and again when it becomes active.
/// </summary>
public sealed record PairTerms(IReadOnlyList<PairTerms.Entry> Active)
{
    public static readonly PairTerms None = new([]);

    /// <summary>The active agreement (other than <paramref name="agreementId"/>) whose term shares a day with <paramref name="term"/>.</summary>
    public Entry? Overlapping(string? agreementId, AgreementTerm term) =>
        Active.FirstOrDefault(e => e.AgreementId != agreementId && e.Term.Overlaps(term));

    public PairTerms With(Agreement agreement) =>
        new([.. Active.Where(e => e.AgreementId != agreement.Id), new Entry(agreement.Id, agreement.Term)]);

    public PairTerms Without(string agreementId) => new([.. Active.Where(e => e.AgreementId != agreementId)]);

    public sealed record Entry(string AgreementId, AgreementTerm Term);
}
