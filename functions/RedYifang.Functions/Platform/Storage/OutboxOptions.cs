namespace RedYifang.Functions.Platform.Storage;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>
    /// How old a staged message must be before the sweeper sends it: its writer sends it right after its transaction, so a
    /// younger row is most likely being sent now (sending it too would only make a duplicate, which consumers tolerate).
    /// </summary>
    [TimeSpanRange("00:00:01", "01:00:00")]
    public TimeSpan SweepAfter { get; set; } = TimeSpan.FromMinutes(1);
}
