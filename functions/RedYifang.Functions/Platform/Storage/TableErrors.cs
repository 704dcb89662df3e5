using Azure;

namespace RedYifang.Functions.Platform.Storage;

public static class TableErrors
{
    public static bool IsConflict(this RequestFailedException e) => e.Status == 409;

    public static bool IsNotFound(this RequestFailedException e) => e.Status == 404;

    /// <summary>An ETag condition failed: someone else changed the entity first.</summary>
    public static bool IsPreconditionFailed(this RequestFailedException e) => e.Status == 412;
}
