using RedYifang.Functions.Evidence;
using RedYifang.Functions.Platform.Periods;

namespace RedYifang.Rules.Tests.Evidence;

public sealed class HashChainTests
{
    private static (List<ChainLink> Links, Dictionary<string, EvidenceRecord> Records) Chain(int length)
    {
        var links = new List<ChainLink>();
        var records = new Dictionary<string, EvidenceRecord>();
        var previous = HashChain.Genesis;
        for (var i = 1; i <= length; i++)
        {
            var id = $"evd_u-{i}";
            var sha = new string((char)('a' + (i % 6)), 64);
            var at = new DateTimeOffset(2026, 11, i, 8, 0, 0, TimeSpan.Zero);
            var hash = HashChain.Link(previous, sha, id, at);
            links.Add(new ChainLink(i, id, sha, at, previous, hash));
            records[id] = new EvidenceRecord
            {
                Id = id, OwnerType = OwnerType.Org, OwnerId = "org_u", ScopePath = ["org_u"], ChainOrgId = "org_u", ChainOrgPath
                    = ["org_u"],
                UploaderId = "usr_a", Kind = EvidenceKind.Document, FileName = "f.pdf", ContentType = ContentTypes.Pdf, Size = 10,
                UploadSha256 = sha, Sha256 = sha, BlobName = "b", State = EvidenceState.Verified, ChainSeq = i, ChainHash = hash,
                CreatedAt = at, CommittedAt = at, VerifiedAt = at,
            };
            previous = hash;
        }
        return (links, records);
    }

    [Fact]
    public void An_untouched_chain_is_valid()
    {
        var (links, records) = Chain(5);
        Assert.Equal(new ChainVerdict(true, 5, null), HashChain.Verify(links, records, (5, links[^1].ChainHash)));
    }

    [Fact]
    public void Changing_removing_or_reordering_anything_breaks_it_at_the_first_affected_record()
    {
        var (links, records) = Chain(5);
        var head = (5L, links[^1].ChainHash);

        var edited = new Dictionary<string, EvidenceRecord>(records) {
            ["evd_u-3"] = records["evd_u-3"] with { Sha256 = new string('f', 64) } };
        Assert.Equal(new ChainBreak("evd_u-3", ChainBreaks.RecordChanged), HashChain.Verify(links, edited, head).FirstBreak);

        var alteredLink = links.ToList();
        alteredLink[1] = alteredLink[1] with { CommittedAt = alteredLink[1].CommittedAt.AddSeconds(1) };
        Assert.Equal(new ChainBreak("evd_u-2", ChainBreaks.LinkBroken), HashChain.Verify(alteredLink, records, head).FirstBreak);

        var gap = links.Where(l => l.Seq != 4).ToList();
        Assert.Equal(new ChainBreak("evd_u-5", ChainBreaks.LinkBroken), HashChain.Verify(gap, records, head).FirstBreak);

        // The last link cut off: named at the link that now ends the chain.
        Assert.Equal(
            new ChainVerdict(false, 4, new ChainBreak("evd_u-4", ChainBreaks.LinkBroken)),
            HashChain.Verify(links.Take(4).ToList(), records, head));
        var missing = new Dictionary<string, EvidenceRecord>(records);
        missing.Remove("evd_u-1");
        Assert.Equal(
            new ChainVerdict(false, 0, new ChainBreak("evd_u-1", ChainBreaks.RecordMissing)),
            HashChain.Verify(links, missing, head));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, ContentTypes.Jpeg)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, ContentTypes.Png)]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, ContentTypes.Pdf)]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38 }, null)]
    public void Types_are_read_from_the_bytes(byte[] head, string? expected) => Assert.Equal(expected, ContentTypes.Sniff(head));

    [Theory]
    [InlineData("2026-11", "2026-10-31T16:00:00Z", "2026-11-30T16:00:00Z")]
    [InlineData("2026-Q4", "2026-09-30T16:00:00Z", "2026-12-31T16:00:00Z")]
    [InlineData("2026", "2025-12-31T16:00:00Z", "2026-12-31T16:00:00Z")]
    public void Periods_are_reckoned_in_China_Standard_Time(string text, string start, string end)
    {
        Assert.True(Period.TryParse(text, out var period));
        Assert.Equal((DateTimeOffset.Parse(start), DateTimeOffset.Parse(end)), (period.Start, period.End));
        Assert.True(period.Contains(DateTimeOffset.Parse(start)));
        Assert.False(period.Contains(DateTimeOffset.Parse(end)));
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-Q5")]
    [InlineData("26-11")]
    [InlineData(null)]
    public void Malformed_periods_are_refused(string? text) => Assert.False(Period.TryParse(text, out _));
}
