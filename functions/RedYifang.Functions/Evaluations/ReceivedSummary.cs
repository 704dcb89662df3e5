namespace RedYifang.Functions.Evaluations;

/// <summary>
/// What one organisation received in a closed window: how many evaluated it, the sum of their scores only when that many may
/// be known (<see cref="BlindRules.MinimumEvaluators"/>, else null), and which streets or communities above it gave their opinion.
/// </summary>
public sealed record ReceivedSummary(string OrgId, int Evaluators, int? ScoreSum, IReadOnlyList<string> OpinionsFrom);
