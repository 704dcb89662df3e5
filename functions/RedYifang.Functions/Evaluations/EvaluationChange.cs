namespace RedYifang.Functions.Evaluations;

/// <summary>An evaluation after a change of its screening, and the events the change caused (written with it, in one transaction).</summary>
public sealed record EvaluationChange(Evaluation Evaluation, IReadOnlyList<EvaluationEvent> Events);
