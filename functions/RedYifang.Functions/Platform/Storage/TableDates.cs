namespace RedYifang.Functions.Platform.Storage;

/// <summary>Dates a table row can hold where a lease or an expiry means "none".</summary>
public static class TableDates
{
    /// <summary>Table storage keeps no date before 1601: this one stands for "expired", "nobody holds it", "no lease".</summary>
    public static readonly DateTimeOffset LongAgo = new(1601, 1, 2, 0, 0, 0, TimeSpan.Zero);
}
