
namespace RedYifang.Functions.Platform.Storage;

/// <summary>A message staged in the same transaction as the state change that causes it.</summary>
public sealed record OutboxEntry(string PartitionKey, string RowKey, string Queue, string Message);
