namespace RedYifang.Functions.Assessment;

/// <summary>A part row (its part key) that a scope's versions stopped naming at <paramref name="Since"/>.</summary>
public sealed record RetiredRow(string Key, DateTimeOffset Since);
