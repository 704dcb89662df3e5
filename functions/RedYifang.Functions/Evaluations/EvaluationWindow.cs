using RedYifang.Functions.Platform.Periods;

namespace RedYifang.Functions.Evaluations;

/// <summary>
/// When a period's evaluations may be written: from the period's end to <c>WindowDays</c> days later, both instants in China
/// Standard Time (a month's window for <c>2026-10</c> with 15 days: 1 November 00:00 to 16 November 00:00). What the evaluations
/// add up to is shown, and reaches the assessment, only once the window has closed (<see cref="BlindRules"/>).
/// </summary>
public sealed record EvaluationWindow(Period Period, DateTimeOffset OpensAt, DateTimeOffset ClosesAt)
{
    /// <summary>
    /// How long after the close a window is summed up: a submission checked just before the close and still being written just
    /// after it is in by then. The evaluations timer runs ten minutes after midnight (<c>Evaluations:Schedule</c>).
    /// </summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMinutes(5);

    public static EvaluationWindow Of(Period period, int windowDays) => new(period, period.End, period.End.AddDays(windowDays));

    public bool IsOpenAt(DateTimeOffset now) => now >= OpensAt && now < ClosesAt;

    public bool HasClosedAt(DateTimeOffset now) => now >= ClosesAt;

    /// <summary>Closed long enough that every evaluation it took is written (<see cref="Settle"/>).</summary>
    public bool IsSettledAt(DateTimeOffset now) => now >= ClosesAt + Settle;
}
