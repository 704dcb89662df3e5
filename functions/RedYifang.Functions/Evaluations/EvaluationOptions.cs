namespace RedYifang.Functions.Evaluations;

/// <summary>Two-way evaluation's settings (section <c>Evaluations</c>).</summary>
public sealed class EvaluationOptions
{
    public const string Section = "Evaluations";

    /// <summary>
    /// Days a period's evaluation window stays open after the period ends (China Standard Time). At most 27: a month's window
    /// must close while the nightly assessment run still refreshes that month (all through the month after it, which may have
    /// 28 days), or its ranking would never become final (docs/evaluations.md, "Rankings wait for the window").
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1, 27)]
    public int WindowDays { get; set; } = 15;
}
