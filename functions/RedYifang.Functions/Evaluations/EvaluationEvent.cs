using RedYifang.Functions.ContentSecurity;
using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Evaluations;

/// <summary>
/// What happened in two-way evaluation. <see cref="EvaluationIntegrationEvents"/> publishes each (without scores or opinions);
/// Assessment's own translator hears <see cref="WindowClosed"/> — never an evaluation before its window has closed.
/// </summary>
public abstract record EvaluationEvent(string DistrictId, string Period, DateTimeOffset At) : IDomainEvent
{
    /// <summary>An evaluation written; an opinion held for review is listed for the admins who decide (<see cref="Evaluation.ReviewPath"/>).</summary>
    public sealed record Recorded(Evaluation Evaluation)
        : EvaluationEvent(Evaluation.DistrictId, Evaluation.Period, Evaluation.SubmittedAt), IHoldsContent
    {
        public IEnumerable<HeldContent> Held => EvaluationModeration.OpinionOf(Evaluation);
    }

    /// <summary>
    /// An admin's decision changed the state of the evaluation's opinion from <paramref name="Before"/> to <paramref name="After"/>
    /// (approved, hidden), at the decision's instant. Only a change of state: a decision repeated raises none
    /// (<see cref="EvaluationModeration.Decide"/>). An opinion is screened by WeChat before it is written, so no later screening
    /// comes without a person's decision; were one to, its instant is the evaluation's.
    /// </summary>
    public sealed record Moderated(Evaluation Evaluation, Screening? Before, Screening After)
        : EvaluationEvent(Evaluation.DistrictId, Evaluation.Period, After.DecidedAt ?? Evaluation.SubmittedAt);

    /// <summary>
    /// A period's window closed (at <paramref name="ClosesAt"/>) and was summed up (at <paramref name="At"/>): what each
    /// organisation evaluated in it received, with scores only where <see cref="BlindRules"/> lets them be known.
    /// </summary>
    public sealed record WindowClosed(
        string DistrictId,
        string Period,
        DateTimeOffset ClosesAt,
        DateTimeOffset At,
        int Evaluations,
        IReadOnlyList<ReceivedSummary> Subjects) : EvaluationEvent(DistrictId, Period, At);
}
