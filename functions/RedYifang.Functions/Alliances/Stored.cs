using Azure;

namespace RedYifang.Functions.Alliances;

/// <summary>A row of the alliances' table as read, with the ETag its next write (or a check it is unchanged) is conditional on.</summary>
public sealed record Stored<T>(T Value, ETag ETag);
