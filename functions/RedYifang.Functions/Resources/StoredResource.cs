using Azure;

namespace RedYifang.Functions.Resources;

/// <summary>A resource as read, with the ETag its next write is conditional on.</summary>
public sealed record StoredResource(Resource Resource, ETag ETag);
