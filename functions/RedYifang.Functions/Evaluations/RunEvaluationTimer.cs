using Microsoft.Extensions.Logging;
using RedYifang.Functions.Organisations;

namespace RedYifang.Functions.Evaluations;

/// <summary>The evaluations timer's work: close the windows that have closed, in each district on its own.</summary>
public sealed partial class RunEvaluationTimer(CloseEvaluationWindows close, OrgStore orgs, ILogger<RunEvaluationTimer> logger)
{
    public async Task HandleAsync(CancellationToken ct)
    {
        foreach (var district in await orgs.DistrictsAsync(ct))
        {
            try
            {
                await close.HandleAsync(district.Id, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogDistrictFailed(e, district.Id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The evaluations timer failed in district {DistrictId}; the other districts go on")]
    private partial void LogDistrictFailed(Exception exception, string districtId);
}
