using Azure;

namespace RedYifang.Functions.Evidence;

public sealed record StoredEvidence(EvidenceRecord Record, ETag ETag);
