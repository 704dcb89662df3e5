namespace RedYifang.Testing;

/// <summary>The timer schedules the app names as %Section:Schedule% settings, with the values the deployment sets.</summary>
public static class TimerSchedules
{
    public static IReadOnlyDictionary<string, string?> Production { get; } = new Dictionary<string, string?>
    {
        ["Outbox:Schedule"] = "30 * * * * *",
        ["Idempotency:CleanupSchedule"] = "0 17 * * * *",
        ["Orders:ExpirySchedule"] = "0 0 19 * * *",
        ["Orders:ClosingSchedule"] = "0 20 19 * * *",
        ["Assessment:Schedule"] = "0 0 18 * * *",
        ["Agreements:Schedule"] = "0 5 16 * * *",
        ["Evaluations:Schedule"] = "0 10 16 * * *",
    };

    /// <summary>The app's timer-triggered functions, by function name (a test checks this against the build's functions.metadata).</summary>
    public static IReadOnlyList<string> Functions { get; } =
        ["OutboxSweeper", "IdempotencyCleanup", "OrderExpiry", "OrderClosing", "AssessmentTimer", "AgreementTimer", "EvaluationTimer"];

    /// <summary>
    /// Settings that turn every timer function off (<c>AzureWebJobs.{Function}.Disabled</c>, honoured by the local host as by the
    /// Functions host), so no timer fires while a test runs; a test about a timer invokes the function itself.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Off { get; } =
        Functions.ToDictionary(f => $"AzureWebJobs.{f}.Disabled", _ => (string?)"true");
}
