using Azure;

namespace RedYifang.Functions.Sites;

/// <summary>A site as read, with the storage ETag its next write is conditional on.</summary>
public sealed record StoredSite(Site Site, ETag ETag);
