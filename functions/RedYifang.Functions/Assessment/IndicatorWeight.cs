
namespace RedYifang.Functions.Assessment;

public sealed record IndicatorWeight(Indicator Indicator, double Weight, Direction Direction);
