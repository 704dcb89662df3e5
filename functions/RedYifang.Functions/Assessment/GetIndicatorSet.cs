namespace RedYifang.Functions.Assessment;

/// <summary>A district's indicator set for a period (anyone may read it: the weights behind a public ranking are public).</summary>
public sealed class GetIndicatorSet(IndicatorSets indicators, RankingStore rankings, Districts districts)
{
    public async Task<IndicatorSetView> HandleAsync(string districtId, string periodText, CancellationToken ct)
    {
        var period = IndicatorSets.ParsePeriod(periodText);
        var district = await districts.FindAsync(districtId, "districtId", ct);
        var (set, isDefault) = await indicators.GetAsync(district.Id, period, ct);
        var final = (await rankings.MetaAsync(new RankingScope(district.Id, null), period.Text, ct))?.Meta.Final ?? false;
        return new IndicatorSetView(district.Id, period.Text, isDefault, final, set.Groups);
    }
}
