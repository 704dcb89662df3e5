using System.Buffers.Binary;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Assessment;

/// <summary>
/// A scope's ranking named by its content: the version (a hash of the whole list) and its breakdown buckets — each peer
/// group's organisations spread over one bucket per <see cref="OrgsPerBreakdown"/> by a hash of their id — each named by a
/// hash of its own items, so that publishing a new version writes only the buckets whose items changed.
/// </summary>
/// <remarks>
/// The hashes go over a compact binary form of every property of <see cref="Ranked"/> and <see cref="IndicatorScore"/>,
/// not over their JSON: serialising a district's breakdowns (about 1 KB an organisation, mostly numbers) took a third as
/// long as reading its totals, for every scope of every run, while a run writes few of them. A property added to either
/// record without being added here fails the first run (the static constructor checks) rather than leave versions unchanged.
/// </remarks>
public sealed class RankingVersion
{
    public const int OrgsPerBreakdown = 32;

    static RankingVersion() => CheckCovered();

    private RankingVersion(string version, IReadOnlyList<Ranked> ranked, IReadOnlyList<Breakdown> breakdowns)
    {
        Version = version;
        Ranked = ranked;
        Breakdowns = breakdowns;
    }

    /// <param name="Key">The row key: <c>b|{group}|{bucket}|{hash of its items}</c>.</param>
    public sealed record Breakdown(string Key, IReadOnlyList<Ranked> Items);

    public string Version { get; }
    public IReadOnlyList<Ranked> Ranked { get; }

    /// <summary>Each peer group's buckets, in bucket order.</summary>
    public IReadOnlyList<Breakdown> Breakdowns { get; }

    public static RankingVersion Of(IReadOnlyList<Ranked> ranked)
    {
        var writer = new Writer();
        var ends = new int[ranked.Count];
        for (var i = 0; i < ranked.Count; i++)
        {
            writer.Write(ranked[i]);
            ends[i] = writer.Length;
        }
        var bytes = writer.Bytes;
        var version = Convert.ToHexStringLower(SHA256.HashData(bytes))[..20];
        var breakdowns = new List<Breakdown>();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var group in Enumerable.Range(0, ranked.Count).GroupBy(i => ranked[i].PeerGroup).OrderBy(g => g.Key))
        {
            var count = (group.Count() + OrgsPerBreakdown - 1) / OrgsPerBreakdown;
            var buckets = group.ToLookup(i => Bucket(ranked[i].OrgId, count));
            for (var b = 0; b < count; b++)
            {
                foreach (var i in buckets[b]) hash.AppendData(bytes[(i == 0 ? 0 : ends[i - 1])..ends[i]]);
                var key = $"b|{EnumText.ToText(group.Key)}|{b:D4}|{Convert.ToHexStringLower(hash.GetHashAndReset())[..20]}";
                breakdowns.Add(new Breakdown(key, buckets[b].Select(i => ranked[i]).ToList()));
            }
        }
        return new RankingVersion(version, ranked, breakdowns);
    }

    /// <summary>Which of a peer group's <paramref name="buckets"/> holds an organisation.</summary>
    public static int Bucket(string orgId, int buckets) =>
        (int)(BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(orgId))) % (uint)buckets);

    /// <summary>Fixed-size fields as their bytes, strings as their length and UTF-16 code units, null as a marker.</summary>
    private sealed class Writer
    {
        private byte[] _buffer = new byte[64 * 1024];

        public int Length { get; private set; }
        public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(0, Length);

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
            if (Length + count > _buffer.Length) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + count));
            var span = _buffer.AsSpan(Length, count);
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
