using Microsoft.Extensions.Logging;
using RedYifang.Functions.Organisations;

namespace RedYifang.Functions.Agreements;

/// <summary>
/// The agreements timer's work: in each district, expire the agreements whose term ended, then raise the renewal notices that
/// are due. Each district on its own, so that one district's failure is logged and the others go on.
/// </summary>
public sealed partial class RunAgreementTimer(
    ExpireAgreements expire,
    RaiseRenewalNotices renewals,
    OrgStore orgs,
    ILogger<RunAgreementTimer> logger)
{
    public async Task HandleAsync(CancellationToken ct)
    {
        foreach (var district in await orgs.DistrictsAsync(ct))
        {
            try
            {
                await expire.HandleAsync(district.Id, ct);
                await renewals.HandleAsync(district.Id, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogDistrictFailed(e, district.Id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The agreements timer failed in district {DistrictId}; the other districts go on")]
    private partial void LogDistrictFailed(Exception exception, string districtId);
}
