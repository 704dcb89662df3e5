using Azure;

namespace RedYifang.Functions.Agreements;

/// <summary>An agreement as read, with the ETag its next write is conditional on.</summary>
public sealed record StoredAgreement(Agreement Agreement, ETag ETag);
