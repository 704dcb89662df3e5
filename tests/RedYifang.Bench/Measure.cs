using System.Diagnostics;

namespace RedYifang.Bench;

public sealed record Timing(string Name, int Operations, TimeSpan Elapsed, double P50Ms, double P95Ms)
{
    public double PerSecond => Operations / Elapsed.TotalSeconds;

    public override string ToString() =>
        $"{Name,-44} {Operations,6} ops  {Elapsed.TotalSeconds,7:0.00} s  {PerSecond,8:0} ops/s  p50 {P50Ms,6:0.0} ms  p95 {P95Ms,6:0.0} ms";
}

public static class Measure
{
    /// <summary>Runs <paramref name="operation"/> <paramref name="count"/> times, <paramref name="concurrency"/> at a time.</summary>
    public static async Task<Timing> RunAsync(string name, int count, int concurrency, Func<int, Task> operation)
    {
        var latencies = new double[count];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var started = Stopwatch.GetTimestamp();
                await operation(i);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        clock.Stop();
        Array.Sort(latencies);
        return new Timing(name, count, clock.Elapsed, latencies[count / 2], latencies[(int)(count * 0.95)]);
    }
}
