using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Assessment;

/// <summary>A district's admins ask for its ranking run now (it runs from the queue, like the nightly one).</summary>
public sealed class StartAssessmentRun(RankingStore rankings, Districts districts)
{
    public sealed record Request(string? DistrictId, string? Period);

    public async Task<(string DistrictId, string Period)> HandleAsync(Caller caller, Request request, CancellationToken ct)
    {
        var period = IndicatorSets.ParsePeriod(request.Period);
        var district = await districts.FindAsync(request.DistrictId, "districtId", ct);
        if (!AssessmentPolicy.MayManage(caller, district)) throw Problems.Forbidden();
        await rankings.QueueRunAsync(district.Id, period.Text, ct);
        return (district.Id, period.Text);
    }
}
