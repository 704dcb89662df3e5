namespace RedYifang.Functions.Resources;

/// <summary>A weekly window, China Standard Time: weekday 1–7 (Monday = 1), "HH:mm" to "HH:mm".</summary>
public sealed record AvailabilityWindow(int Weekday, string From, string To);
