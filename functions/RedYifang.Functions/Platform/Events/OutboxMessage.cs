namespace RedYifang.Functions.Platform.Events;

/// <summary>A message for a queue, staged in the outbox in the same transaction as the change that caused it.</summary>
public sealed record OutboxMessage(string Queue, object Body);
