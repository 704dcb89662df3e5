using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Agreements;

/// <summary>The problems only agreements raise.</summary>
public static class AgreementProblems
{
    /// <summary>The pair already has an active agreement sharing a day with this term.</summary>
    public static ConflictException Overlaps(PairTerms.Entry active) =>
        new("agreement_overlaps",
            new("该单位与该组织已有期限重叠的生效协议", "An active agreement of this pair overlaps the term"),
            new LocalizedText("生效中的协议 {0}（{1} 至 {2}）与此期限重叠：请调整期限，或先终止该协议。",
                "Active agreement {0} ({1} to {2}) overlaps this term: change the term, or terminate that agreement first.")
                .Format(active.AgreementId, active.Term.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    active.Term.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new Dictionary<string, IReadOnlyList<LocalizedText>>
            {
                ["termFrom"] = [new("与生效中的协议期限重叠", "overlaps an active agreement of the pair")],
            });
}
