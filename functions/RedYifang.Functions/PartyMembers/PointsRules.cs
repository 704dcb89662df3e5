namespace RedYifang.Functions.PartyMembers;

/// <summary>
/// A district's points rules for a year (China Standard Time): one <see cref="SourceRule"/> per <see cref="PointsSource"/>.
/// Each change is a new <see cref="Version"/> (1, 2, …); every ledger entry records the version that produced it.
/// </summary>
public sealed record PointsRules
{
    public const int MaxPoints = 100;
    public const int MaxMonthlyCap = 10_000;

    public required string DistrictId { get; init; }
    public required int Year { get; init; }
    public required int Version { get; init; }
    public required RuleSet Sources { get; init; }
    public required string SetBy { get; init; }
    public required DateTimeOffset SetAt { get; init; }

    /// <summary>The ETag of this version (<c>If-Match</c> on the next change).</summary>
    public string ETag => $"\"v{Version}\"";

    public SourceRule For(PointsSource source) => Sources.For(source);
}
