namespace RedYifang.Functions.Orders;

public sealed class OrderOptions
{
    public const string Section = "Orders";

    /// <summary>Days a published order may wait for a match before it expires.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 365)]
    public int ExpireAfterDays { get; set; } = 30;

    /// <summary>
    /// Days a matched unit has to agree (接单) before the order goes back to the community's pool, as if the unit had declined
    /// it. Three: a unit's liaison answers within a working week's half, and the resident is not left waiting on a silent
    /// promise while other units could serve; the order is then ranked anew with <see cref="ExpireAfterDays"/> before it expires.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1, 30)]
    public int AgreeWithinDays { get; set; } = 3;

    /// <summary>
    /// Days after acceptance when the resident may answer "is it fixed?" (once). A week: long enough for a repair or a
    /// service to show whether it holds, soon enough that the resident still remembers it and the unit can still act.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1, 365)]
    public int FollowUpAfterDays { get; set; } = 7;

    /// <summary>
    /// Days after acceptance when an unrated order closes without a rating. Thirty, as long as a published order waits for a
    /// unit, leaves the resident three weeks after the follow-up opens; it must be more than <see cref="FollowUpAfterDays"/>.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(2, 365)]
    public int CloseUnratedAfterDays { get; set; } = 30;
}
