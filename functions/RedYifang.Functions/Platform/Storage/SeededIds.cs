using System.Security.Cryptography;
using System.Text;

namespace RedYifang.Functions.Platform.Storage;

/// <summary>
/// The ids <see cref="Keys.NewId"/> and <see cref="Keys.NewChildId"/> make while an idempotent request runs its operation: derived
/// from the key's claim (a seed and the claim's time) instead of the clock and random bytes, so that a request that resumes a
/// claim whose first run lost its answer (<see cref="Idempotency.IdempotencyLease.Step.Resume"/>) makes the same ids, and the
/// create finds the first run's row under them instead of adding a second one. Ambient (an <see cref="AsyncLocal{T}"/>, as
/// <c>Activity.Current</c> is) so that use cases and aggregates keep calling <see cref="Keys"/> as they do outside a request.
/// </summary>
public sealed class SeededIds
{
    private static readonly AsyncLocal<SeededIds?> Ambient = new();

    private readonly byte[] _seed;
    private readonly Dictionary<string, int> _made = [];
    private readonly Lock _gate = new();

    private SeededIds(string seed, DateTimeOffset since, bool resuming)
    {
        _seed = Encoding.UTF8.GetBytes(seed);
        Since = since;
        Resuming = resuming;
    }

    /// <summary>The seeded ids of the operation running now, or null outside an idempotent request.</summary>
    public static SeededIds? Current => Ambient.Value;

    /// <summary>Whether the operation running now resumes a claim whose first run may have written what it writes.</summary>
    public static bool IsResuming => Current?.Resuming == true;

    /// <summary>The time every id of the operation carries: its claim's.</summary>
    public DateTimeOffset Since { get; }

    public bool Resuming { get; }

    /// <summary>Seeds the ids made until the returned scope is disposed (on this async flow only).</summary>
    public static IDisposable Begin(string seed, DateTimeOffset since, bool resuming)
    {
        var previous = Ambient.Value;
        Ambient.Value = new SeededIds(seed, since, resuming);
        return new Scope(previous);
    }

    /// <summary>
    /// The random part of the next id made for <paramref name="purpose"/> (its prefix and parent): the n-th id for a purpose is the
    /// same in every run of the operation, whatever ids for other purposes are made in between.
    /// </summary>
    public void Fill(string purpose, Span<byte> random)
    {
        int n;
        lock (_gate)
        {
            n = _made.GetValueOrDefault(purpose);
            _made[purpose] = n + 1;
        }
        var hash = HMACSHA256.HashData(_seed, Encoding.UTF8.GetBytes($"{purpose}|{n}"));
        hash.AsSpan(0, random.Length).CopyTo(random);
    }

    private sealed class Scope(SeededIds? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
