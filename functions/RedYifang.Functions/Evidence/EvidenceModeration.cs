using RedYifang.Functions.ContentSecurity;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Evidence;

/// <summary>
/// Evidence's part in content security (<see cref="IModerated"/>): a photo as content for the admins over its object, and
/// WeChat's verdict or their decision written onto the record — its screening only: the chain, the hashes and the kept bytes
/// stay as they are, so a hidden photo still verifies.
/// </summary>
public sealed class EvidenceModeration(EvidenceStore store) : IModerated
{
    public IReadOnlyList<ContentKind> Kinds => [ContentKind.Photo];

    public static HeldContent PhotoOf(EvidenceRecord r, Screening screening, DateTimeOffset at) =>
        new(ContentKind.Photo, r.Id, r.Id, r.ScopePath[^1], r.ScopePath, r.UploaderId, null, screening, at);

    public Task ApplyAsync(ContentKind kind, string ownerKey, Screening screening, CancellationToken ct) =>
        UpdateAsync(store, ownerKey, screening, [], ct);

    /// <summary>Merges a screening into the record (<see cref="Screening.Merge"/>) with any messages, on its ETag, until it holds.</summary>
    public static Task UpdateAsync(EvidenceStore store, string evidenceId, Screening screening,
        IReadOnlyList<(string Queue, object Message)> messages, CancellationToken ct) =>
        ConcurrentUpdate.RunAsync(async token =>
        {
            if (await store.FindAsync(evidenceId, token) is not { } stored) return;
            if (Screening.Apply(stored.Record.Moderation, screening) is not var (merged, _)) return;
            try
            {
                await store.UpdateAsync(stored, stored.Record with { Moderation = merged }, messages, token);
            }
            catch (ConflictException)
            {
                throw ConcurrentUpdate.LostRace();
            }
        }, ct).AsTask();
}
