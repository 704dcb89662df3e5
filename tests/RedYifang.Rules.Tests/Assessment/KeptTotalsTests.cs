using Microsoft.Extensions.Time.Testing;
using RedYifang.Functions.Assessment;

namespace RedYifang.Rules.Tests.Assessment;

public sealed class KeptTotalsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(T0);

    private static KeptTotals.Row Row(string org, int accepted, string etag, DateTimeOffset at) =>
        new(org, Enumerable.Range(0, accepted).Aggregate(Totals.Empty, (t, i) =>
            t.Add(new Fact($"{org}{i}|accepted", org, FactKind.Accepted, at, $"{org}{i}", true, 1, 1))), etag, at);

    [Fact]
    public void Rows_read_since_replace_the_kept_ones_and_add_new_organisations_and_the_next_read_starts_before_the_latest()
    {
        var month = KeptTotals.Month.Read([Row("a", 1, "e1", T0.AddSeconds(-30)), Row("b", 2, "e2", T0.AddSeconds(-20))], T0);
        Assert.Equal(T0.AddSeconds(-25), month.Since);

        var after = month.With([Row("b", 3, "e3", T0.AddSeconds(10)), Row("c", 1, "e4", T0.AddSeconds(12))], T0.AddMinutes(1));

        Assert.Equal(
            [("a", 1, "e1"), ("b", 3, "e3"), ("c", 1, "e4")],
            after.Rows.Values.OrderBy(r => r.OrgId, StringComparer.Ordinal).Select(r => (r.OrgId, r.Totals.Accepted, r.ETag)));
        Assert.Equal(T0.AddSeconds(12) - KeptTotals.Overlap, after.Since);
        Assert.Equal(T0, after.ReadInFullAt);       // an incremental read does not renew the full read
        Assert.Equal(2, month.Rows.Count);          // and the snapshot it was made from is untouched
    }

    [Fact]
    public void A_month_is_read_in_full_again_when_empty_when_its_full_read_is_old_and_when_forgotten()
    {
        var kept = new KeptTotals(_clock);
        Assert.Null(kept.Usable("2026-12|d"));      // never read
        kept.Keep("2026-12|d", KeptTotals.Month.Read([], T0));
        Assert.Null(kept.Usable("2026-12|d"));      // read, but empty: nothing to start from
        kept.Keep("2026-12|d", KeptTotals.Month.Read([Row("a", 1, "e1", T0)], T0));
        _clock.Advance(KeptTotals.ReadInFullEvery - TimeSpan.FromSeconds(1));
        Assert.NotNull(kept.Usable("2026-12|d"));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(kept.Usable("2026-12|d"));

        kept.Keep("2026-11|d", KeptTotals.Month.Read([Row("a", 1, "e1", T0)], _clock.GetUtcNow()));
        Assert.Equal(2, kept.Count);
        _clock.Advance(KeptTotals.ForgetAfter + TimeSpan.FromSeconds(1));
        kept.Keep("2026-10|d", KeptTotals.Month.Read([Row("a", 1, "e1", T0)], _clock.GetUtcNow()));
        Assert.Equal(1, kept.Count);                // both dropped when another month was kept a day later
    }
}
