using RedYifang.Functions.Assessment;
using RedYifang.Functions.Platform.Catalogue;

namespace RedYifang.Rules.Tests.Assessment;

/// <summary>
/// Issue 16's acceptance: no indicator of the catalogue is "not available yet". Every indicator is in the catalogue as available,
/// and each has a source: a fact the assessment records moves its raw value (so no indicator is 0 for everyone whatever happens).
/// </summary>
public sealed class CatalogueSourcesTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 10, 2, 0, 0, TimeSpan.Zero);

    private static Fact F(string id, FactKind kind) => new(id, "org_u1", kind, At, "ord_a", DistrictId: "org_d");

    /// <summary>For each indicator, facts of the kind that feed it (the sources named in docs/assessment.md).</summary>
    private static readonly Dictionary<Indicator, Fact[]> Sources = new()
    {
        [Indicator.OrdersAccepted] = [F("a", FactKind.Accepted) with { EvidenceVerified = true }],
        [Indicator.ServiceHours] = [F("a", FactKind.Accepted) with { EvidenceVerified = true, ServiceHours = 2.5m }],
        [Indicator.Beneficiaries] = [F("a", FactKind.Accepted) with { EvidenceVerified = true, Beneficiaries = 4 }],
        [Indicator.FundsGiven] = [F("mov", FactKind.FundsGiven) with { Fen = 10 }],
        [Indicator.CommitmentFulfilment] =
        [
            F("agr", FactKind.AgreementInForce) with
            {
                Agreement = new AgreementShare("agr_1", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), 365,
                    [new AgreementShare.Service(0, Category.Medical, 4)]),
            },
            F("d", FactKind.Delivered) with { Category = Category.Medical },
        ],
        [Indicator.ActivityParticipation] = [F("act", FactKind.ActivityClosed)],
        [Indicator.Satisfaction] = [F("r", FactKind.Rated) with { Stars = 5 }],
        [Indicator.EvaluationsReceived] = [F("e", FactKind.EvaluationsReceived) with { Evaluations = new("2026-03", 3, 240, []) }],
        [Indicator.MedianResponseTime] = [F("p", FactKind.Published) with { ResponseMinutes = 90 }],
        [Indicator.CompletionRate] = [F("l", FactKind.Lapsed)],
        [Indicator.TraceCompleteness] = [F("a", FactKind.Accepted) with { EvidenceVerified = true }],
    };

    public static TheoryData<Indicator> Indicators() => [.. Enum.GetValues<Indicator>()];

    [Theory]
    [MemberData(nameof(Indicators))]
    public void Every_indicator_is_available_and_a_fact_moves_its_raw_value(Indicator indicator)
    {
        Assert.True(Catalogue.Entries.TryGetValue(indicator, out var entry), $"{indicator} is not in the catalogue");
        Assert.True(entry.Available, $"{indicator} is marked not available");
        Assert.True(Sources.TryGetValue(indicator, out var facts), $"{indicator} has no source named here");

        var before = RankingMath.Raw(indicator, Totals.Empty);
        var after = RankingMath.Raw(indicator, facts.Aggregate(Totals.Empty, (t, f) => t.Add(f)));

        Assert.False(before.Equals(after), $"{indicator}: {before} before its facts and {after} after");
    }
}
