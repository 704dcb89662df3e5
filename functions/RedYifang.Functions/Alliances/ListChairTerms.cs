using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Alliances;

/// <summary>The alliance's chair terms as a history, oldest first, the one covering today marked (all of them: one row).</summary>
public sealed class ListChairTerms(AllianceReads reads, AllianceStore alliances)
{
    public async Task<ListPage<ChairTermView>> HandleAsync(Caller caller, string id, CancellationToken ct)
    {
        var alliance = await reads.ReadAsync(caller, id, ct);
        var today = ChinaTime.Today(reads.Now);
        var terms = (await alliances.ChairsAsync(alliance, ct)).Value.Terms;
        return new ListPage<ChairTermView>([.. terms.Select(t => ChairTermView.Of(t, t.Covers(today)))], null);
    }
}
