namespace RedYifang.Functions.Evidence;

/// <summary>An organisation's trace archive for one period.</summary>
public sealed record TraceView(string OrgId, string Period, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<TraceEntry> Items);
