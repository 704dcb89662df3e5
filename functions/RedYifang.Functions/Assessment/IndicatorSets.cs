using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Assessment;

/// <summary>A district's indicator set for a period (kept by <see cref="RankingStore"/>), or the default.</summary>
public sealed class IndicatorSets(RankingStore rankings)
{
    public async Task<(IndicatorSet Set, bool IsDefault)> GetAsync(string districtId, Period period, CancellationToken ct = default) =>
        await rankings.IndicatorSetAsync(districtId, period.Text, ct) is { } set ? (set, false) : (Catalogue.Default(period.Text), true);

    /// <summary>A period named in a route or a body (<c>2026-11</c>, <c>2026-Q4</c>, <c>2026</c>); 400 when malformed.</summary>
    public static Period ParsePeriod(string? text)
    {
        var v = new Validator();
        var period = v.Period("period", text);
        v.ThrowIfInvalid();
        return period!;
    }
}
