namespace RedYifang.Functions.Evidence;

/// <summary>The message of queue <c>evidence-process</c>: a committed item to process.</summary>
public sealed record ProcessMessage(string EvidenceId);
