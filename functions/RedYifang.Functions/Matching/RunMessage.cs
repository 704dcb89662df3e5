namespace RedYifang.Functions.Matching;

/// <summary>Starts a queued run, on queue <see cref="MatchingRun.Queue"/>.</summary>
public sealed record RunMessage(string RunId);
