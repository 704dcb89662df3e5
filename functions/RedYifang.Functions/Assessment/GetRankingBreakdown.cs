using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Assessment;

/// <summary>One organisation's place and indicator breakdown in the district's ranking, or its street's (public).</summary>
public sealed class GetRankingBreakdown(PublishedRankings published, RankingStore rankings, Districts districts, OrgStore orgs)
{
    public async Task<(object View, RankingMeta Meta)> HandleAsync(string periodText, string orgId, string? streetId, CancellationToken ct)
    {
        var period = IndicatorSets.ParsePeriod(periodText);
        var org = await orgs.FindAsync(orgId, ct) ?? throw Problems.NotFound("organisation");
        // The district's ranking by default; ?streetId= the street's (the organisation must be in it).
        var (district, street) = await districts.ScopeAsync(org.Path[0], streetId, ct);
        if (street is not null && !org.Path.Contains(street.Id)) throw Problems.NotFound("organisation");
        var meta = await published.MetaAsync(district, street, period, ct);
        // An organisation outside every peer group is in no ranking.
        var ranked = Catalogue.GroupOf(org) is { } group ? await rankings.OrgAsync(meta, orgId, group, ct) : null;
        if (ranked is null) throw Problems.NotFound("organisation");
        return (new
        {
            period = meta.Period, final = meta.Final, generatedAt = meta.GeneratedAt, scope = PublishedRankings.ScopeView(district, street),
            peerGroupScope = street is null ? "district" : "street", item = ranked,
        }, meta);
    }
}
