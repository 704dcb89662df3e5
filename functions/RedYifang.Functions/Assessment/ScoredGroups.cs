using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace RedYifang.Functions.Assessment;

/// <summary>
/// Scores a scope's peer groups into a version (<see cref="RankingVersion"/>), rescoring only the groups whose inputs
/// changed since the version this process scored last — a new fact changes one organisation's totals, so one peer group
/// of the district and one of a street; the others keep their parts' names. A group's inputs are the indicator weights of
/// its peer group and, for each member in order, its id, name, street and totals stamp (the ETags of its totals rows,
/// <see cref="FactStore.StampedTotalsAsync"/>): everything <see cref="RankingMath.Rank"/> reads.
/// </summary>
/// <remarks>
/// What is kept of a group is a hash of its inputs and its parts' names — not its items, which are in the published rows.
/// It is used only when the scope's published version (its meta row, read by the same run) is the one it was kept with and
/// still names those parts, so a version another run or instance published in between, or none, means scoring every group
/// again. A group's parts kept by name are therefore always rows of the current version, and never written again
/// (<see cref="RankingStore.PublishAsync"/> refuses a part without items). Some hundred bytes per scope and peer group.
/// </remarks>
public sealed class ScoredGroups
{
    private readonly ConcurrentDictionary<(string Partition, string Scope), Kept> _kept = new();

    /// <summary>What is kept of a scope: the version scored, and for each of its peer groups the hash of its inputs and
    /// its parts by name.</summary>
    public sealed record Kept(string Version, IReadOnlyDictionary<PeerGroup, (byte[] Inputs, RankingVersion.Group Named)> Groups);

    /// <summary>A scope's version scored over <paramref name="members"/>, and what to keep of it once it is published.</summary>
    public (RankingVersion Version, Kept Kept) Score(
        RankingScope scope,
        string period,
        IndicatorSet set,
        IEnumerable<Candidate> members,
        IReadOnlyDictionary<string, string> stamps,
        RankingMeta? current)
    {
        var kept = current is not null && _kept.TryGetValue((scope.Partition(period), scope.OrgId), out var k)
            && k.Version == current.Version ? k : null;
        var published = current?.Rows.ToHashSet(StringComparer.Ordinal) ?? [];
        var groups = new List<RankingVersion.Group>();
        var keep = new Dictionary<PeerGroup, (byte[], RankingVersion.Group)>();
        foreach (var g in members.GroupBy(c => c.PeerGroup).OrderBy(g => g.Key))
        {
            var weights = set.Groups[g.Key];
            var inputs = Inputs(weights, g, stamps);
            var group = kept is not null && kept.Groups.TryGetValue(g.Key, out var before) && before.Inputs.AsSpan().SequenceEqual(inputs)
                && before.Named.Parts.All(p => published.Contains(p.Key))
                    ? before.Named
                    : RankingVersion.GroupOf(g.Key, RankingMath.Rank(g.Key, weights, g));
            groups.Add(group);
            keep[g.Key] = (inputs, group.Named());
        }
        var version = RankingVersion.Of(groups);
        return (version, new Kept(version.Version, keep));
    }

    /// <summary>Keeps what was scored for a scope once its version is the published one.</summary>
    public void Keep(RankingScope scope, string period, Kept kept) => _kept[(scope.Partition(period), scope.OrgId)] = kept;

    private static byte[] Inputs(
        IReadOnlyList<IndicatorWeight> weights,
        IEnumerable<Candidate> members,
        IReadOnlyDictionary<string, string> stamps)
    {
        var text = new StringBuilder();
        void Field(string? value) => text.Append(value?.Length ?? -1).Append(':').Append(value).Append(';');
        foreach (var w in weights) Field(FormattableString.Invariant($"{w.Indicator}/{w.Weight:R}/{w.Direction}"));
        foreach (var m in members)
        {
            Field(m.OrgId);
            Field(m.Name);
            Field(m.StreetId);
            Field(stamps.GetValueOrDefault(m.OrgId));
        }
        return SHA256.HashData(MemoryMarshal.AsBytes(text.ToString().AsSpan()));
    }
}
