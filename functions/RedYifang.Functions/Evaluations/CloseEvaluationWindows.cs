using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Evaluations;

/// <summary>
/// Sums up every window of a district that took evaluations and has closed (<see cref="EvaluationWindow.IsSettledAt"/>): what
/// each organisation received (<see cref="BlindRules.Summarise"/>), staged with the window's closing as
/// <see cref="EvaluationEvent.WindowClosed"/> — the integration event, and Assessment's own message (its translator). A window
/// that changed since it was read (a late evaluation, another closer) is left for the next run, which reads it again.
/// </summary>
public sealed partial class CloseEvaluationWindows(
    EvaluationStore evaluations,
    IOptions<EvaluationOptions> options,
    TimeProvider clock,
    ILogger<CloseEvaluationWindows> logger)
{
    /// <summary>Returns the windows this run closed, with what they summed up to.</summary>
    public async Task<IReadOnlyList<EvaluationEvent.WindowClosed>> HandleAsync(string districtId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var closed = new List<EvaluationEvent.WindowClosed>();
        foreach (var stored in await evaluations.OpenWindowsAsync(districtId, ct))
        {
            if (!Period.TryParse(stored.Period, out var period)) continue;
            var window = EvaluationWindow.Of(period, options.Value.WindowDays);
            if (!window.IsSettledAt(now)) continue;
            var all = await evaluations.AllInPeriodAsync(districtId, period.Text, ct);
            var summary = new EvaluationEvent.WindowClosed(districtId, period.Text, window.ClosesAt, now, all.Count,
                BlindRules.Summarise(all));
            try
            {
                await evaluations.CloseAsync(stored, summary, ct);
            }
            catch (ConflictException)
            {
                LogChanged(districtId, period.Text);
                continue;
            }
            LogClosed(districtId, period.Text, all.Count, summary.Subjects.Count);
            closed.Add(summary);
        }
        return closed;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Evaluation window {Period} of district {DistrictId} closed: {Evaluations} evaluations of {Subjects} organisations")]
    private partial void LogClosed(string districtId, string period, int evaluations, int subjects);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Evaluation window {Period} of district {DistrictId} changed while it was summed up; the next run closes it")]
    private partial void LogChanged(string districtId, string period);
}
