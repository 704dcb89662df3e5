using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Assessment;

/// <summary>A period's published ranking of a district's peer groups, or of one street's (public).</summary>
public sealed class GetRanking(PublishedRankings published, RankingStore rankings, Districts districts)
{
    public sealed record Request(string Period, string? DistrictId, string? StreetId, string? PeerGroup);

    public async Task<(RankingView View, RankingMeta Meta)> HandleAsync(Request request, CancellationToken ct)
    {
        var v = new Validator();
        var group = v.OneOf<PeerGroup>("peerGroup", request.PeerGroup, required: false);
        var period = IndicatorSets.ParsePeriod(request.Period);
        v.ThrowIfInvalid();
        var (district, street) = await districts.ScopeAsync(request.DistrictId, request.StreetId, ct);
        var meta = await published.MetaAsync(district, street, period, ct);
        var items = (await rankings.GroupsAsync(meta, group is { } g ? EnumText.ToText(g) : null, ct))
            .ConvertAll(r => new RankingItem(r.Rank, r.OrgId, r.Name, r.PeerGroup, r.StreetId, r.Score, r.Eligible))
;
        return (new RankingView(meta.Period, meta.Final, meta.GeneratedAt, meta.Version, PublishedRankings.ScopeView(district, street),
            street is null ? "district" : "street", PublishedRankings.TieBreakOf(street), items), meta);
    }
}
