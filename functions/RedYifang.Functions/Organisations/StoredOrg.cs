using Azure;

namespace RedYifang.Functions.Organisations;

/// <summary>An organisation as read, with the ETag its row had: an edit names it in <c>If-Match</c> and is written on it.</summary>
public sealed record StoredOrg(Org Org, ETag ETag);
