using Azure;

namespace RedYifang.Functions.PartyMembers;

/// <summary>A report as read, with the ETag its next write is conditional on.</summary>
public sealed record StoredReport(PartyMemberReport Report, ETag ETag);
