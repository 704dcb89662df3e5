using Microsoft.Extensions.Logging;
using RedYifang.Functions.Organisations;

namespace RedYifang.Functions.Assessment;

/// <summary>The nightly runs: every district on its own, so that one district's failure does not stop another's.</summary>
public sealed partial class RunAllDistricts(AssessmentRuns runs, OrgStore orgs, TimeProvider clock, ILogger<RunAllDistricts> logger)
{
    public async Task HandleAsync(CancellationToken ct)
    {
        foreach (var district in await orgs.DistrictsAsync(ct))
        {
            foreach (var period in AssessmentRuns.PeriodsAround(clock.GetUtcNow()))
            {
                try
                {
                    await runs.RunAsync(district.Id, period, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogDistrictFailed(e, district.Id, period.Text);
                }
            }
        }
    }

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "The assessment run of district {DistrictId} for {Period} failed; the other districts go on")]
    private partial void LogDistrictFailed(Exception exception, string districtId, string period);
}
