
namespace RedYifang.Functions.Assessment;

/// <summary>The indicator system (指标体系) of one period: for each peer group, its indicators, weights and directions.</summary>
public sealed record IndicatorSet(string Period, IReadOnlyDictionary<PeerGroup, IReadOnlyList<IndicatorWeight>> Groups);
