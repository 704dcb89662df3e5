using RedYifang.Functions.ContentSecurity;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Evaluations;

/// <summary>
/// Evaluations' part in content security (<see cref="IModerated"/>): an opinion as content held for the admins over the
/// evaluator (<see cref="Evaluation.ReviewPath"/>), and their decision written onto both of the evaluation's rows. The owner key
/// names the row: <c>{district}|{period}|{evaluator}|{subject}</c>.
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
        {
            await evaluations.UpdateModerationAsync(district, period, evaluator, subject, e =>
                Screening.Merge(e.Moderation, screening) is var merged && merged != e.Moderation ? e with { Moderation = merged } : null,
                token);
        }, ct).AsTask();
    }
}
