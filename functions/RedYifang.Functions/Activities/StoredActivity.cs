using Azure;

namespace RedYifang.Functions.Activities;

/// <summary>An activity as read, with the ETag its next write is conditional on.</summary>
public sealed record StoredActivity(Activity Activity, ETag ETag);
