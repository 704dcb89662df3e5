using Azure;

namespace RedYifang.Functions.Evaluations;

/// <summary>A period's window row as read: the period, when it was summed up (null while open), and the ETag closing is conditional on.</summary>
public sealed record StoredWindow(string DistrictId, string Period, DateTimeOffset? ClosedAt, ETag ETag);
