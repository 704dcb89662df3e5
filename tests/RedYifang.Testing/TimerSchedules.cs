namespace RedYifang.Testing;

/// <summary>The timer schedules the app names as %Section:Schedule% settings, with the values the deployment sets.</summary>
public static class TimerSchedules
{
    public static IReadOnlyDictionary<string, string?> Production { get; } = new Dictionary<string, string?>
    {
        ["Outbox:Schedule"] = "30 * * * * *",
        ["Idempotency:CleanupSchedule"] = "0 17 * * * *",
        ["Orders:ExpirySchedule"] = "0 0 19 * * *",
        ["Assessment:Schedule"] = "0 0 18 * * *",
    };
}
