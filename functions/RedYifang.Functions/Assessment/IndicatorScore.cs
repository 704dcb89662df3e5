namespace RedYifang.Functions.Assessment;

public sealed record IndicatorScore(Indicator Indicator, double Raw, double Normalised, double Weight, double Contribution, string? Note);
