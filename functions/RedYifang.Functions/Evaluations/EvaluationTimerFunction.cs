using Microsoft.Azure.Functions.Worker;

namespace RedYifang.Functions.Evaluations;

/// <summary>
/// Daily ten minutes after midnight China Standard Time (<c>Evaluations:Schedule</c>, 16:10 UTC in the template), when a window
/// has just closed and before the nightly assessment run (02:00) makes that period's rankings final: closes the windows.
/// </summary>
internal sealed class EvaluationTimerFunction(RunEvaluationTimer work)
{
    [Function("EvaluationTimer")]
    public async Task Run([TimerTrigger("%Evaluations:Schedule%")] TimerInfo timer, CancellationToken ct) => await work.HandleAsync(ct);
}
