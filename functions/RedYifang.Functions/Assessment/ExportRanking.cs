using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Assessment;

/// <summary>A district's or street's ranking as a spreadsheet, for the admins over that scope.</summary>
public sealed class ExportRanking(PublishedRankings published, RankingStore rankings, Districts districts, OrgStore orgs)
{
    public sealed record Workbook(string FileName, byte[] Bytes);

    public async Task<Workbook> HandleAsync(Caller caller, string periodText, string? districtId, string? streetId, CancellationToken ct)
    {
        var period = IndicatorSets.ParsePeriod(periodText);
        var (district, street) = await districts.ScopeAsync(districtId, streetId, ct);
        if (!AssessmentPolicy.MayExport(caller, street ?? district)) throw Problems.Forbidden();
        var meta = await published.MetaAsync(district, street, period, ct);
        var items = await rankings.GroupsAsync(meta, null, ct);
        var names = (await orgs.InDistrictAsync(district.Id, ct)).ToDictionary(o => o.Id, o => o.Name);
        var bytes = Xlsx.Write($"{meta.Period} 排名",
            ["同类组", "名次", "组织", "所属街道", "得分", "具备评优资格", "定稿"],
            items.Select(r => (IReadOnlyList<object?>)
            [
                GroupName(r.PeerGroup), r.Rank, r.Name, r.StreetId is { } s ? names.GetValueOrDefault(s, s) : "", r.Score,
                r.Eligible ? "是" : "否", meta.Final ? "是" : "否",
            ]));
        return new Workbook($"rankings-{(street ?? district).Id}-{meta.Period}.xlsx", bytes);
    }

    private static string GroupName(PeerGroup group) => group switch
    {
        PeerGroup.Agency => "机关事业单位",
        PeerGroup.StateEnterprise => "国有企业",
        PeerGroup.NonPublicEnterprise => "非公企业",
        PeerGroup.SocialOrganization => "社会组织",
        PeerGroup.VolunteerTeam => "志愿服务队",
        _ => "社区",
    };
}
