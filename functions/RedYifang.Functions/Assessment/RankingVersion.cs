using System.Buffers;
using System.Buffers.Binary;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Assessment;

/// <summary>
/// A scope's ranking named by its content: the version and its parts, each part named by a hash of its own items, so that
/// publishing a new version writes only the parts whose items changed — a new fact changes one peer group. The parts, per
/// peer group (<see cref="Group"/>): its list in rank order, in chunks of <see cref="ListChunk"/> (without the indicators),
/// and its breakdowns, the group's organisations spread over one bucket per <see cref="OrgsPerBreakdown"/> by a hash of
/// their id. The version is a hash of the part names in order: the list chunks' names cover every item, indicators
/// included, in rank order.
/// </summary>
/// <remarks>
/// The hashes go over a compact binary form of every property of <see cref="Ranked"/> and <see cref="IndicatorScore"/>,
/// not over their JSON: serialising a district's breakdowns (about 1 KB an organisation, mostly numbers) took a third as
/// long as reading its totals, for every scope of every run, while a run writes few of them. A property added to either
/// record without being added here fails the first run (the static constructor checks) rather than leave versions unchanged.
/// Naming the version by its parts lets a run that rescored one peer group reuse the others' names (<see cref="Group.Named"/>)
/// without their items.
/// </remarks>
public sealed class RankingVersion
{
    // A breakdown row is read for one organisation; 64 of them gzipped are some 15 KB. Fewer, larger rows mean fewer to
    // write when a peer group changes.
    public const int OrgsPerBreakdown = 64;

    // 150 items without their indicators are under 75 KB of JSON even were every name 100 characters long; a row's gzip
    // larger than a binary property's 64 KiB is split over several (RankingStore).
    public const int ListChunk = 150;

    static RankingVersion() => CheckCovered();

    private RankingVersion(string version, IReadOnlyList<Part> parts)
    {
        Version = version;
        Parts = parts;
    }

    /// <param name="Key">The row key: <c>g|{group}|{chunk}|{hash}</c> for a list chunk (its items without their
    /// indicators), <c>b|{group}|{bucket}|{hash}</c> for a bucket of breakdowns; the hash over the part's items.</param>
    /// <param name="Items">The row's items; null in a part known by name only (<see cref="Group.Named"/>), which is never
    /// written.</param>
    public sealed record Part(string Key, IReadOnlyList<Ranked>? Items);

    /// <summary>One peer group's parts: its list chunks in rank order, then its buckets in bucket order.</summary>
    public sealed record Group(PeerGroup PeerGroup, IReadOnlyList<Part> Parts)
    {
        /// <summary>The same parts by name only, without their items: what a run keeps of a group between runs.</summary>
        public Group Named() => this with { Parts = [.. Parts.Select(p => p with { Items = null })] };
    }

    public string Version { get; }

    /// <summary>Each peer group's parts, the groups in the order given.</summary>
    public IReadOnlyList<Part> Parts { get; }

    /// <summary>The version of a scope's ranking: its peer groups' parts, the groups in the order of their names.</summary>
    public static RankingVersion Of(IReadOnlyList<Group> groups)
    {
        var parts = groups.SelectMany(g => g.Parts).ToList();
        var names = Encoding.UTF8.GetBytes(string.Join('\n', parts.Select(p => p.Key)));
        return new RankingVersion(Convert.ToHexStringLower(SHA256.HashData(names))[..20], parts);
    }

    /// <summary>One peer group's parts, from its members in rank order.</summary>
    public static Group GroupOf(PeerGroup group, IReadOnlyList<Ranked> ranked)
    {
        using var writer = new Writer();
        var ends = new int[ranked.Count];
        for (var i = 0; i < ranked.Count; i++)
        {
            writer.Write(ranked[i]);
            ends[i] = writer.Length;
        }
        var bytes = writer.Buffer;
        var parts = new List<Part>();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // A list chunk's name covers its items' indicators too: more than its row holds, never less.
        Part PartOf(string kind, int index, IEnumerable<int> items)
        {
            foreach (var i in items) hash.AppendData(bytes, i == 0 ? 0 : ends[i - 1], ends[i] - (i == 0 ? 0 : ends[i - 1]));
            var key = $"{kind}|{EnumText.ToText(group)}|{index:D4}|{Convert.ToHexStringLower(hash.GetHashAndReset())[..20]}";
            return new Part(key, [.. items.Select(i => kind == "g" ? ranked[i] with { Indicators = [] } : ranked[i])]);
        }
        var all = Enumerable.Range(0, ranked.Count).ToList();
        parts.AddRange(all.Chunk(ListChunk).Select((items, chunk) => PartOf("g", chunk, items)));
        var count = (ranked.Count + OrgsPerBreakdown - 1) / OrgsPerBreakdown;
        var buckets = all.ToLookup(i => Bucket(ranked[i].OrgId, count));
        for (var b = 0; b < count; b++) parts.Add(PartOf("b", b, buckets[b]));
        return new Group(group, parts);
    }

    /// <summary>Which of a peer group's <paramref name="buckets"/> holds an organisation.</summary>
    public static int Bucket(string orgId, int buckets) =>
        (int)(BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(orgId))) % (uint)buckets);

    /// <summary>
    /// Fixed-size fields as their bytes, strings as their length and UTF-16 code units, null as a marker; into a pooled
    /// buffer (a district's is larger than the large-object threshold, and a run writes one per scope).
    /// </summary>
    private sealed class Writer : IDisposable
    {
        public byte[] Buffer { get; private set; } = ArrayPool<byte>.Shared.Rent(256 * 1024);

        public int Length { get; private set; }

        public void Dispose() => ArrayPool<byte>.Shared.Return(Buffer);

        public void Write(Ranked r)
        {
            Text(r.OrgId);
            Text(r.Name);
            Int((int)r.PeerGroup);
            Text(r.StreetId);
            Int(r.Rank ?? -1);
            Int(r.Rank is null ? 0 : 1);
            Number(r.Score);
            Int(r.Eligible ? 1 : 0);
            Int(r.Indicators.Count);
            foreach (var i in r.Indicators)
            {
                Int((int)i.Indicator);
                Number(i.Raw);
                Number(i.Normalised);
                Number(i.Weight);
                Number(i.Contribution);
                Text(i.Note);
            }
        }

        private void Int(int value) => BinaryPrimitives.WriteInt32LittleEndian(Take(4), value);

        private void Number(double value) => BinaryPrimitives.WriteDoubleLittleEndian(Take(8), value);

        private void Text(string? text)
        {
            Int(text?.Length ?? -1);
            if (text is not null) MemoryMarshal.AsBytes(text.AsSpan()).CopyTo(Take(text.Length * 2));
        }

        private Span<byte> Take(int count)
        {
            if (Length + count > Buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Max(Buffer.Length * 2, Length + count));
                Buffer.AsSpan(0, Length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(Buffer);
                Buffer = larger;
            }
            var span = Buffer.AsSpan(Length, count);
            Length += count;
            return span;
        }
    }

    private static void CheckCovered()
    {
        Check(typeof(Ranked), nameof(Assessment.Ranked.OrgId), nameof(Assessment.Ranked.Name), nameof(Assessment.Ranked.PeerGroup),
            nameof(Assessment.Ranked.StreetId), nameof(Assessment.Ranked.Rank), nameof(Assessment.Ranked.Score),
            nameof(Assessment.Ranked.Eligible), nameof(Assessment.Ranked.Indicators));
        Check(typeof(IndicatorScore), nameof(IndicatorScore.Indicator), nameof(IndicatorScore.Raw), nameof(IndicatorScore.Normalised),
            nameof(IndicatorScore.Weight), nameof(IndicatorScore.Contribution), nameof(IndicatorScore.Note));

        static void Check(Type type, params string[] written)
        {
            var missing = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).Except(written).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException(
                    $"{type.Name}.{string.Join(", ", missing)} must be written by RankingVersion.Writer, or versions would not change with it.");
            }
        }
    }
}
