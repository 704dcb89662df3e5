using RedYifang.Functions.ContentSecurity;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Evaluations;

/// <summary>
/// Evaluations' part in content security (<see cref="IModerated"/>): an opinion as content held for the admins over the
/// evaluator (<see cref="Evaluation.ReviewPath"/>), and their decision written onto both of the evaluation's rows. The owner key
/// names the row: <c>{district}|{period}|{evaluator}|{subject}</c>. A decision that changes the opinion's state raises
/// <see cref="EvaluationEvent.Moderated"/> in the same write (<c>evaluation.moderated</c>).
/// </summary>
public sealed class EvaluationModeration(EvaluationStore evaluations) : IModerated
{
    public IReadOnlyList<ContentKind> Kinds => [ContentKind.EvaluationOpinion];

    public static IEnumerable<HeldContent> OpinionOf(Evaluation e) => e.Moderation is { } screening
        ? [new HeldContent(ContentKind.EvaluationOpinion, e.Id, $"{e.DistrictId}|{e.Period}|{e.EvaluatorOrgId}|{e.SubjectOrgId}",
            e.ReviewPath[^1], e.ReviewPath, e.SubmittedBy, e.Opinion, screening, e.SubmittedAt)]
        : [];

    public Task ApplyAsync(ContentKind kind, string ownerKey, Screening screening, CancellationToken ct)
    {
        if (ownerKey.Split('|') is not [var district, var period, var evaluator, var subject]) return Task.CompletedTask;
        return ConcurrentUpdate.RunAsync(async token =>
            await evaluations.UpdateModerationAsync(district, period, evaluator, subject, e => Decide(e, screening), token), ct).AsTask();
    }

    /// <summary>
    /// The evaluation with the screening merged into its opinion's (<see cref="Screening.Merge"/>), raising
    /// <see cref="EvaluationEvent.Moderated"/> only when the opinion's state changes; null when nothing changes (the same
    /// decision read back). The same decision again by another admin or at another instant is written (who decided last is
    /// kept) but raises nothing.
    /// </summary>
    public static EvaluationChange? Decide(Evaluation evaluation, Screening screening)
    {
        if (Screening.Apply(evaluation.Moderation, screening) is not var (merged, moved)) return null;
        var after = evaluation with { Moderation = merged };
        return new EvaluationChange(after, moved ? [new EvaluationEvent.Moderated(after, evaluation.Moderation, merged)] : []);
    }
}
