namespace RedYifang.Functions.Orders;

public sealed class OrderOptions
{
    public const string Section = "Orders";

    /// <summary>Days a published order may wait for a match before it expires.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 365)]
    public int ExpireAfterDays { get; set; } = 30;
}
