using RedYifang.Functions.Evidence;
using RedYifang.Functions.Organisations;
using SkiaSharp;

namespace RedYifang.Functions.Demo;

/// <summary>
/// Real evidence for the demo's finished orders, activities and signed agreements: a generated picture each, stored as a blob
/// and put through the same processing as an upload (metadata stripped, thumbnail, perceptual hash, hash chain).
/// </summary>
public sealed class DemoEvidence(EvidenceStore store, EvidenceBlobs blobs, ProcessEvidence processor, OrgStore orgs, TimeProvider clock)
{
    public async Task<string> PhotoAsync(string orderId, IReadOnlyList<string> communityPath, string unitId, string uploaderId, int seed,
        DateTimeOffset takenAt, CancellationToken ct)
    {
        var unit = await orgs.FindAsync(unitId, ct) ?? throw new InvalidOperationException($"Demo unit {unitId} missing.");
        return (await PhotoAsync(OwnerType.Order, orderId, new OwnerPlacement(communityPath, unit.Id, unit.Path), "服务现场.jpg", uploaderId,
            seed, takenAt, ct)).Id;
    }

    /// <summary>
    /// A picture of anything evidence may belong to (an activity's photo, an agreement's signed copy), placed as its owner places
    /// it; returns the record as processing left it.
    /// </summary>
    public async Task<EvidenceRecord> PhotoAsync(OwnerType ownerType, string ownerId, OwnerPlacement placement, string fileName,
        string uploaderId, int seed, DateTimeOffset takenAt, CancellationToken ct)
    {
        var bytes = Picture(seed);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        var record = EvidenceRecord.Pending(uploaderId, ownerType, ownerId, placement, fileName, "image/jpeg", bytes.Length, sha, clock);
        // Sealed by the server itself, as an admin's document is: the photo then goes through the same processing.
        await blobs.WriteSealedAsync(record, new MemoryStream(bytes), ct);
        // Committed when the work was done, so the photo sits in the trace archive of that period.
        await store.AddAsync(record with { CreatedAt = takenAt, CommittedAt = takenAt }, ct: ct);
        await processor.HandleAsync(record.Id, lastAttempt: true, ct);
        return (await store.FindAsync(record.Id, ct))?.Record ?? throw new InvalidOperationException($"Demo evidence {record.Id} missing.");
    }

    /// <summary>Coloured shapes from a seed: every order gets a picture of its own.</summary>
    private static byte[] Picture(int seed)
    {
        var random = new Random(seed);
        using var bitmap = new SKBitmap(480, 360);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
            for (var i = 0; i < 10; i++)
            {
                using var paint = new SKPaint {
                    Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)),
                    IsAntialias = true };
                canvas.DrawRect(random.Next(480), random.Next(360), random.Next(30, 240), random.Next(30, 180), paint);
                canvas.DrawCircle(random.Next(480), random.Next(360), random.Next(15, 120), paint);
            }
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }
}
