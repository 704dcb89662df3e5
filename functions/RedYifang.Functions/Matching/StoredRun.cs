using Azure;

namespace RedYifang.Functions.Matching;

/// <summary>A run as read, with the ETag its next change is conditional on.</summary>
public sealed record StoredRun(MatchingRun Run, ETag ETag);
