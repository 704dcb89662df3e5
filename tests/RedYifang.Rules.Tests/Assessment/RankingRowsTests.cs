using Azure.Data.Tables;
using RedYifang.Functions.Assessment;

namespace RedYifang.Rules.Tests.Assessment;

/// <summary>
/// A ranking row's gzipped JSON (<see cref="RankingStore.Row"/>) in binary properties of at most 64 KiB each, the table
/// service's limit, however little the content compresses; read back whole.
/// </summary>
public sealed class RankingRowsTests
{
    private static List<int> Pieces(TableEntity row) =>
        [.. Enumerable.Range(0, 100).TakeWhile(i => row.ContainsKey($"Gz{i}")).Select(i => row.GetBinary($"Gz{i}").Length)];

    [Fact]
    public void A_row_that_compresses_well_is_one_property()
    {
        var doc = Enumerable.Range(0, 150).Select(i => new Ranked($"org_{i:D6}", "单位", PeerGroup.Agency, null, i + 1, 0.5, true, []))
            .ToList();

        var row = RankingStore.Row("p", "g|agency|0000|x", doc);

        Assert.Single(Pieces(row));
        Assert.Equal(doc.Select(r => r.OrgId), RankingStore.Read<List<Ranked>>(row).Select(r => r.OrgId));
    }

    [Fact]
    public void A_row_that_does_not_compress_is_split_into_properties_of_64_KiB()
    {
        // 1,000 names of 100 random CJK characters: some 300 KB of JSON that gzip cannot bring under 64 KiB.
        var random = new Random(14);
        var names = Enumerable.Range(0, 1000)
            .Select(_ => new string([.. Enumerable.Range(0, 100).Select(_ => (char)random.Next(0x4E00, 0x9FFF))]))
            .ToList();

        var row = RankingStore.Row("p", "meta", names);

        var pieces = Pieces(row);
        Assert.InRange(pieces.Count, 2, 100);
        Assert.All(pieces[..^1], length => Assert.Equal(RankingStore.MaxBinary, length));
        Assert.InRange(pieces[^1], 1, RankingStore.MaxBinary);
        Assert.Equal(65536, RankingStore.MaxBinary);
        Assert.Equal(names, RankingStore.Read<List<string>>(row));
    }
}
