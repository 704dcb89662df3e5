using Microsoft.Extensions.Options;

namespace RedYifang.Functions.Evidence;

/// <summary>
/// How many photos one worker decodes at once (Evidence:PhotoConcurrency). The queue hands over up to 16 messages
/// at a time; this keeps the memory photos take to PhotoConcurrency × MaxPixels × 4 bytes of pixels at most.
/// </summary>
public sealed class PhotoSlots(IOptions<EvidenceOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.PhotoConcurrency, options.Value.PhotoConcurrency);

    public Task WaitAsync(CancellationToken ct) => _slots.WaitAsync(ct);

    public void Release() => _slots.Release();

    public void Dispose() => _slots.Dispose();
}
