using Azure.Data.Tables;
using RedYifang.Functions.Identity;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Assessment;

public sealed record IndicatorWeightRequest(string? Indicator, double? Weight, string? Direction);

public sealed record IndicatorSetRequest(Dictionary<string, List<IndicatorWeightRequest>>? PeerGroups);

public sealed record IndicatorSetView(string DistrictId, string Period, bool IsDefault, bool Final,
    IReadOnlyDictionary<PeerGroup, IReadOnlyList<IndicatorWeight>> PeerGroups);

/// <summary>
/// A district's indicator set per period (row <c>indicators</c> in the district's partition of <c>Rankings</c> for the
/// period), or the default. Only that district's admins (and bootstrap admins) change it; anyone may read it.
/// </summary>
public sealed class IndicatorSets(Platform.Storage.Tables tables, RankingStore rankings, Districts districts)
{
    public async Task<(IndicatorSet Set, bool IsDefault)> GetAsync(string districtId, Period period, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(RankingStore.TableName, ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(new RankingScope(districtId, false).Partition(period.Text), "indicators",
            cancellationToken: ct);
        return row.HasValue && row.Value is { } e
            ? (Platform.Storage.JsonRows.Read<IndicatorSet>(e), false)
            : (Catalogue.Default(period.Text), true);
    }

    public async Task<IndicatorSetView> ViewAsync(string districtId, string periodText, CancellationToken ct)
    {
        var period = ParsePeriod(periodText);
        var district = await districts.FindAsync(districtId, "districtId", ct);
        var (set, isDefault) = await GetAsync(district.Id, period, ct);
        var final = (await rankings.MetaAsync(new RankingScope(district.Id, false), period.Text, ct))?.Meta.Final ?? false;
        return new IndicatorSetView(district.Id, period.Text, isDefault, final, set.Groups);
    }

    public async Task<IndicatorSetView> PutAsync(Caller caller, string districtId, string periodText, IndicatorSetRequest request, CancellationToken ct)
    {
        var period = ParsePeriod(periodText);
        var set = Validate(period, request);
        var district = await districts.FindAsync(districtId, "districtId", ct);
        if (!caller.IsAdminOf(district.Path)) throw Problems.Forbidden();
        if ((await rankings.MetaAsync(new RankingScope(district.Id, false), period.Text, ct))?.Meta.Final == true)
        {
            throw new ConflictException("ranking_final", new("该期排名已定稿", "This period's ranking is final"),
                new("定稿后的指标体系不能再修改。", "The indicator set cannot change once the ranking is final."));
        }
        var table = await tables.GetAsync(RankingStore.TableName, ct);
        await table.UpsertEntityAsync(Platform.Storage.JsonRows.Create(new RankingScope(district.Id, false).Partition(period.Text), "indicators", set),
            TableUpdateMode.Replace, ct);
        return new IndicatorSetView(district.Id, period.Text, false, false, set.Groups);
    }

    public static Period ParsePeriod(string? text)
    {
        var v = new Validator();
        var period = v.Period("period", text);
        v.ThrowIfInvalid();
        return period!;
    }

    private static IndicatorSet Validate(Period period, IndicatorSetRequest request)
    {
        var v = new Validator();
        var groups = new Dictionary<PeerGroup, IReadOnlyList<IndicatorWeight>>();
        if (request.PeerGroups is not { Count: > 0 }) v.Add("peerGroups", Validator.Required);
        foreach (var (groupText, weights) in request.PeerGroups ?? [])
        {
            var field = $"peerGroups.{groupText}";
            if (!EnumText.TryParse<PeerGroup>(groupText, out var group))
            {
                v.Add(field, new LocalizedText("未知的同类组，可选：{0}", "unknown peer group; one of: {0}").Format(string.Join(", ", EnumText.Names<PeerGroup>())));
                continue;
            }
            var list = new List<IndicatorWeight>();
            for (var i = 0; i < (weights?.Count ?? 0); i++)
            {
                var w = weights![i];
                var indicator = v.OneOf<Indicator>($"{field}[{i}].indicator", w?.Indicator);
                var direction = v.OneOf<Direction>($"{field}[{i}].direction", w?.Direction);
                if (w?.Weight is not (>= 0 and <= 1)) v.Add($"{field}[{i}].weight", new("取值范围为 0–1", "must be between 0 and 1"));
                if (indicator is { } ind && list.Any(x => x.Indicator == ind)) v.Add($"{field}[{i}].indicator", new("重复的指标", "is listed twice"));
                if (indicator is { } ok && direction is { } dir && w?.Weight is >= 0 and <= 1) list.Add(new IndicatorWeight(ok, w.Weight.Value, dir));
            }
            if (list.Count == 0) v.Add(field, new("至少需要一个指标", "needs at least one indicator"));
            else if (Math.Abs(list.Sum(x => x.Weight) - 1) > 1e-6) v.Add(field, new LocalizedText("权重之和须为 1（现为 {0}）", "weights must sum to 1 (they sum to {0})").Format(Math.Round(list.Sum(x => x.Weight), 6)));
            groups[group] = list;
        }
        v.ThrowIfInvalid();
        foreach (var missing in Enum.GetValues<PeerGroup>().Where(g => !groups.ContainsKey(g))) groups[missing] = Catalogue.Default(period.Text).Groups[missing];
        return new IndicatorSet(period.Text, groups);
    }
}
