using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Assessment;

/// <summary>A district's admins set its indicator weights for a period, until that period's ranking is final.</summary>
public sealed class PutIndicatorSet(RankingStore rankings, Districts districts)
{
    public sealed record Request(Dictionary<string, List<WeightRequest>>? PeerGroups);

    public sealed record WeightRequest(string? Indicator, double? Weight, string? Direction);

    public async Task<IndicatorSetView> HandleAsync(
        Caller caller,
        string districtId,
        string periodText,
        Request request,
        CancellationToken ct)
    {
        var period = IndicatorSets.ParsePeriod(periodText);
        var set = Validate(period, request);
        var district = await districts.FindAsync(districtId, "districtId", ct);
        if (!AssessmentPolicy.MayManage(caller, district)) throw Problems.Forbidden();
        if ((await rankings.MetaAsync(new RankingScope(district.Id, null), period.Text, ct))?.Meta.Final == true)
        {
            throw new ConflictException("ranking_final", new("该期排名已定稿", "This period's ranking is final"),
                new("定稿后的指标体系不能再修改。", "The indicator set cannot change once the ranking is final."));
        }
        await rankings.PutIndicatorSetAsync(district.Id, set, ct);
        return new IndicatorSetView(district.Id, period.Text, false, false, set.Groups);
    }

    public static IndicatorSet Validate(Period period, Request request)
    {
        var v = new Validator();
        var groups = new Dictionary<PeerGroup, IReadOnlyList<IndicatorWeight>>();
        if (request.PeerGroups is not { Count: > 0 }) v.Add("peerGroups", Validator.Required);
        foreach (var (groupText, weights) in request.PeerGroups ?? [])
        {
            var field = $"peerGroups.{groupText}";
            if (!EnumText.TryParse<PeerGroup>(groupText, out var group))
            {
                v.Add(field, new LocalizedText("未知的同类组，可选：{0}", "unknown peer group; one of: {0}").Format(
                    string.Join(", ", EnumText.Names<PeerGroup>())));
                continue;
            }
            var list = new List<IndicatorWeight>();
            for (var i = 0; i < (weights?.Count ?? 0); i++)
            {
                var w = weights![i];
                var indicator = v.OneOf<Indicator>($"{field}[{i}].indicator", w?.Indicator);
                var direction = v.OneOf<Direction>($"{field}[{i}].direction", w?.Direction);
                if (w?.Weight is not (>= 0 and <= 1)) v.Add($"{field}[{i}].weight", new("取值范围为 0–1", "must be between 0 and 1"));
                if (indicator is { } ind && list.Any(x => x.Indicator == ind)) v.Add(
                    $"{field}[{i}].indicator",
                    new("重复的指标", "is listed twice"));
                if (indicator is { } ok && direction is { } dir && w?.Weight is >= 0 and <= 1) list.Add(
                    new IndicatorWeight(ok, w.Weight.Value, dir));
            }
            if (list.Count == 0) v.Add(field, new("至少需要一个指标", "needs at least one indicator"));
            else if (Math.Abs(list.Sum(x => x.Weight) - 1) > 1e-6) v.Add(field, new LocalizedText(
                "权重之和须为 1（现为 {0}）",
                "weights must sum to 1 (they sum to {0})").Format(Math.Round(list.Sum(x => x.Weight), 6)));
            groups[group] = list;
        }
        v.ThrowIfInvalid();
        foreach (var missing in Enum.GetValues<PeerGroup>().Where(g => !groups.ContainsKey(g))) groups[missing] = Catalogue.Default(
            period.Text).Groups[missing];
        return new IndicatorSet(period.Text, groups);
    }
}
