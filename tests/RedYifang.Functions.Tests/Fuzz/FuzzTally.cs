using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace RedYifang.Functions.Tests.Fuzz;

/// <summary>What the fuzz sent and what came back: requests per operation and status, and per kind of variant.</summary>
public sealed class FuzzTally
{
    private readonly ConcurrentDictionary<(string Operation, int Status), int> _answers = new();
    private readonly ConcurrentDictionary<string, int> _variants = new(StringComparer.Ordinal);
    private int _refusals;

    public int Sent => _answers.Values.Sum();

    public void Add(FuzzRequest request, int status)
    {
        _answers.AddOrUpdate((request.Operation, status), 1, (_, n) => n + 1);
        // "body: title missing" → "body"; "valid" → "valid".
        var kind = request.Variant.Split(':', ' ')[0];
        _variants.AddOrUpdate(kind, 1, (_, n) => n + 1);
        if (request.MustRefuse) Interlocked.Increment(ref _refusals);
    }

    /// <summary>A table, one line per operation (in the given order), one column per status seen; then the variants.</summary>
    public string Render(IEnumerable<string> operations)
    {
        var statuses = _answers.Keys.Select(k => k.Status).Distinct().Order().ToList();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{"operation",-22}{"sent",6}");
        foreach (var status in statuses) text.Append(CultureInfo.InvariantCulture, $"{status,6}");
        text.AppendLine();
        foreach (var operation in operations.Where(o => _answers.Keys.Any(k => k.Operation == o)))
        {
            Row(text, operation, statuses, s => _answers.GetValueOrDefault((operation, s)));
        }
        Row(text, "all", statuses, s => _answers.Where(a => a.Key.Status == s).Sum(a => a.Value));
        text.Append(CultureInfo.InvariantCulture, $"{_refusals} of the {Sent} had to be refused; by variant: ")
            .AppendJoin(", ", _variants.OrderByDescending(v => v.Value).Select(v => $"{v.Key} {v.Value}"));
        return text.ToString();
    }

    private static void Row(StringBuilder text, string label, List<int> statuses, Func<int, int> count)
    {
        text.Append(CultureInfo.InvariantCulture, $"{label,-22}{statuses.Sum(count),6}");
        foreach (var status in statuses)
        {
            var n = count(status);
            text.Append(n == 0 ? "     ." : n.ToString(CultureInfo.InvariantCulture).PadLeft(6));
        }
        text.AppendLine();
    }
}
