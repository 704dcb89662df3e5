using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Rules.Tests.Platform.Storage;

/// <summary>Ids made inside an idempotent request's operation are derived from its claim, so a resumed run makes the same ones.</summary>
public sealed class SeededIdsTests
{
    private static readonly DateTimeOffset Since = new(2026, 11, 30, 2, 3, 4, 567, TimeSpan.Zero);

    private static List<string> Run(string seed, bool interleave = false)
    {
        using (SeededIds.Begin(seed, Since, resuming: false))
        {
            var ids = new List<string> { Keys.NewChildId("ord", "org_c1") };
            if (interleave) Keys.NewId("evt");
            ids.Add(Keys.NewChildId("ord", "org_c1"));
            ids.Add(Keys.NewChildId("ord", "org_c2"));
            ids.Add(Keys.NewId("org"));
            return ids;
        }
    }

    [Fact]
    public void The_same_seed_makes_the_same_ids_in_the_same_order_whatever_else_is_made_in_between()
    {
        var first = Run("seed-a");

        Assert.Equal(first, Run("seed-a", interleave: true));
        Assert.Equal(4, first.Distinct().Count());
        Assert.All(first, id => Assert.True(Keys.IsWellFormedId(id), id));
        Assert.Equal("org_c1", Keys.ParentOf(first[0], "org"));
    }

    [Fact]
    public void Ids_carry_the_claims_time_so_they_sort_as_if_made_then()
    {
        var seeded = Run("seed-a")[3];
        using (SeededIds.Begin("seed-b", Since.AddMilliseconds(1), resuming: false))
        {
            Assert.True(string.CompareOrdinal(seeded, Keys.NewId("org")) < 0);
        }
        Assert.True(string.CompareOrdinal(seeded, Keys.NewId("org")) < 0);   // and before anything made since, outside a claim
    }

    [Fact]
    public void Another_seed_makes_other_ids_and_outside_a_claim_ids_are_random()
    {
        Assert.Empty(Run("seed-a").Intersect(Run("seed-b")));
        Assert.NotEqual(Keys.NewId("org"), Keys.NewId("org"));
        Assert.Null(SeededIds.Current);
    }

    [Fact]
    public void Resuming_holds_inside_its_scope_only_and_the_outer_scope_comes_back()
    {
        using (SeededIds.Begin("outer", Since, resuming: false))
        {
            using (SeededIds.Begin("inner", Since, resuming: true))
            {
                Assert.True(SeededIds.IsResuming);
            }
            Assert.False(SeededIds.IsResuming);
            Assert.NotNull(SeededIds.Current);
        }
        Assert.False(SeededIds.IsResuming);
    }
}
