using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Assessment;

/// <summary>What the ranking reads share: the published version of a scope's ranking, and how a response names its scope.</summary>
public sealed class PublishedRankings(RankingStore rankings)
{
    public const string TieBreak = "同分（保留6位小数）时，按本组权重最高指标的原始值排序，再按组织标识排序";

    public async Task<RankingMeta> MetaAsync(Org district, Org? street, Period period, CancellationToken ct) =>
        (await rankings.MetaAsync(new RankingScope(district.Id, street?.Id), period.Text, ct))?.Meta
        ?? throw Problems.NotFound("ranking");

    public static RankingScopeView ScopeView(Org district, Org? street) =>
        street is null ? new("district", district.Id, district.Id) : new("street", street.Id, district.Id);

    public static string TieBreakOf(Org? street) =>
        (street is null ? "在全区同类组内排名；" : "仅在本街道同类组内排名（名次为街道内 1..n）；") + TieBreak;
}
