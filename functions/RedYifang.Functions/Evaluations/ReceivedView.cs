namespace RedYifang.Functions.Evaluations;

/// <summary>
/// What an organisation received for a period, as its own people see it: the window, the state, and — only when
/// <see cref="ReceivedState.Available"/> — how many evaluated it and their mean score (two decimals).
/// </summary>
public sealed record ReceivedView(
    string OrgId,
    string Period,
    ReceivedState State,
    DateTimeOffset WindowOpensAt,
    DateTimeOffset WindowClosesAt,
    int MinimumEvaluators,
    int? Evaluators,
    decimal? Mean);
