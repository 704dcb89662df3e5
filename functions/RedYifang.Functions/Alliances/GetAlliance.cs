using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Alliances;

/// <summary>One alliance, to those who may read it, with its chair today (China Standard Time).</summary>
public sealed class GetAlliance(AllianceReads reads, AllianceStore alliances)
{
    public async Task<AllianceView> HandleAsync(Caller caller, string id, CancellationToken ct)
    {
        var alliance = await reads.ReadAsync(caller, id, ct);
        var chairs = (await alliances.ChairsAsync(alliance, ct)).Value;
        return AllianceView.From(alliance, chairs.On(ChinaTime.Today(reads.Now)));
    }
}
