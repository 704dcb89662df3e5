using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace RedYifang.Functions.Assessment;

/// <summary>
/// The <c>totals|</c> rows of each month partition of <c>AssessmentFacts</c> a ranking run read, kept between runs, so the
/// next provisional run of the same district reads only the rows written since: those whose <c>Timestamp</c> (the table
/// service's, set on every write) is at least the latest one seen less <see cref="Overlap"/>. Totals rows are only ever
/// replaced, never deleted (<see cref="FactStore.RecordAsync"/>), so the kept rows with the changed ones over them are the
/// partition's rows.
/// </summary>
/// <remarks>
/// What bounds the trust in timestamps: <see cref="Overlap"/> re-reads what was written just before the latest row seen, so a
/// write that became visible a little after one stamped later is not missed; a month is read in full again when its rows were
/// last read in full <see cref="ReadInFullEvery"/> ago, and a run that makes a ranking final reads every month in full
/// (<see cref="AssessmentRuns.RunAsync"/>), so a final ranking never rests on kept rows. Months no run used for
/// <see cref="ForgetAfter"/> are dropped. Each month is an immutable snapshot replaced whole, so runs at once in one process
/// each read a complete one; an older snapshot kept over a newer one only makes the next read longer.
/// </remarks>
public sealed class KeptTotals(TimeProvider clock)
{
    public static readonly TimeSpan Overlap = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan ReadInFullEvery = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromDays(1);

    private readonly ConcurrentDictionary<string, Month> _months = new(StringComparer.Ordinal);

    /// <summary>A totals row as read: its organisation, its totals (the whole month's, before <see cref="Totals.Within"/>), ETag
    /// and timestamp.</summary>
    public sealed record Row(string OrgId, Totals Totals, string ETag, DateTimeOffset? Timestamp);

    /// <summary>A month partition's rows by organisation, the latest timestamp among them, and when it was last read in full.</summary>
    public sealed record Month(
        ImmutableDictionary<string, Row> Rows,
        DateTimeOffset? Latest,
        DateTimeOffset ReadInFullAt,
        DateTimeOffset UsedAt)
    {
        public static Month Read(IEnumerable<Row> rows, DateTimeOffset now)
        {
            var all = rows.ToImmutableDictionary(r => r.OrgId, StringComparer.Ordinal);
            return new Month(all, all.Values.Max(r => r.Timestamp), now, now);
        }

        /// <summary>These rows with the changed ones read since <see cref="Since"/> over them.</summary>
        public Month With(IEnumerable<Row> changed, DateTimeOffset now)
        {
            var rows = Rows.SetItems(changed.Select(r => KeyValuePair.Create(r.OrgId, r)));
            var latest = rows.Values.Max(r => r.Timestamp);
            return this with { Rows = rows, Latest = latest, UsedAt = now };
        }

        /// <summary>The timestamp from which a read finds every row written since these were read.</summary>
        public DateTimeOffset? Since => Latest - Overlap;
    }

    /// <summary>The month partition's kept rows when a run may read only what changed since; null when it reads it in full.</summary>
    public Month? Usable(string partition)
    {
        var now = clock.GetUtcNow();
        return _months.TryGetValue(partition, out var month) && month.Since is not null && now - month.ReadInFullAt < ReadInFullEvery
            ? month
            : null;
    }

    public void Keep(string partition, Month month)
    {
        _months[partition] = month;
        var now = clock.GetUtcNow();
        foreach (var (key, old) in _months)
        {
            if (now - old.UsedAt > ForgetAfter) _months.TryRemove(KeyValuePair.Create(key, old));
        }
    }

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>How many month partitions are kept.</summary>
    public int Count => _months.Count;
}
