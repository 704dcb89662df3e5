namespace RedYifang.Functions.Evidence;

/// <summary>Where and how to PUT the bytes of a direct upload, until <see cref="ExpiresAt"/>.</summary>
public sealed record UploadTicket(
    string EvidenceId, Uri UploadUrl, DateTimeOffset ExpiresAt, IReadOnlyDictionary<string, string> RequiredHeaders);
