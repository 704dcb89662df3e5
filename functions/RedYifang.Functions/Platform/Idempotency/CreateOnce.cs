using Azure;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Platform.Idempotency;

/// <summary>How a create adds its row under an idempotent request that may be resuming (<see cref="SeededIds"/>).</summary>
public static class CreateOnce
{
    /// <summary>
    /// Adds what the create made. When the request resumes a claim whose first run may already have added it under the same seeded
    /// id, the add's conflict looks for that first copy: found, it is what the create answers with (and nothing is written);
    /// not found, the conflict was another one and stands.
    /// </summary>
    /// <returns>The first run's copy, or null when this run added its own.</returns>
    public static async Task<T?> AddAsync<T>(Func<Task> add, Func<Task<T?>> firstRun) where T : class
    {
        try
        {
            await add();
            return null;
        }
        catch (Exception e) when (SeededIds.IsResuming && e is ConflictException or RequestFailedException { Status: 409 })
        {
            if (await firstRun() is { } first) return first;
            throw;
        }
    }
}
