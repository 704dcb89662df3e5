using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Evidence;

/// <summary>
/// An admin uploads a document (<c>multipart/form-data</c>: fields <c>ownerType</c> and <c>ownerId</c>, then one file
/// part), streamed straight into Blob Storage while hashed and counted: the document is never held whole in memory. A form
/// cut off before its closing boundary is the client's error (400 on field <c>file</c>), not a fault: the multipart
/// reader says so with an IOException, caught where the form is read (<see cref="NextSectionAsync"/>, <see cref="FormPart"/>).
/// </summary>
public sealed class UploadDocument(EvidenceStore store, EvidenceBlobs blobs, EvidenceOwners owners, IOptions<EvidenceOptions> options,
    TimeProvider clock)
{
    /// <param name="contentType">The request's Content-Type, which names the multipart boundary.</param>
    /// <param name="body">The request body, read once, as it arrives.</param>
    public async Task<EvidenceRecord> HandleAsync(Caller caller, string? contentType, Stream body, CancellationToken ct)
    {
        if (!EvidencePolicy.MayUploadDocuments(caller)) throw Problems.Forbidden();
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            throw Field("file", new("须以 multipart/form-data 上传", "must be sent as multipart/form-data"));
        }
        var reader = new MultipartReader(boundary, body) { BodyLengthLimit = options.Value.MaxDocumentBytes };
        try
        {
            return await ReadAsync(caller, reader, ct);
        }
        catch (InvalidDataException)
        {
            throw Problems.PayloadTooLarge(options.Value.MaxDocumentBytes);
        }
    }

    private async Task<EvidenceRecord> ReadAsync(Caller caller, MultipartReader reader, CancellationToken ct)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await NextSectionAsync(reader, ct) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            var part = new FormPart(section.Body, ct);
            if (!disposition.IsFileDisposition())
            {
                fields[name] = (await new StreamReader(part).ReadToEndAsync(ct)).Trim();
                continue;
            }
            var given = disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName;
            var fileName = HeaderUtilities.RemoveQuotes(given).Value ?? "document";
            return await StoreAsync(caller, fields, fileName, part, ct);
        }
        throw Field("file", Validator.Required);
    }

    private static async Task<MultipartSection?> NextSectionAsync(MultipartReader reader, CancellationToken ct)
    {
        try
        {
            return await reader.ReadNextSectionAsync(ct);
        }
        catch (IOException e) when (IsCutOff(e, ct))
        {
            throw CutOff();
        }
    }

    /// <summary>
    /// The reader's IOException for a form that ends before its boundary, not the server's own (a body over its limit, a
    /// BadHttpRequestException) nor a caller that went away (the pipeline answers no one then).
    /// </summary>
    private static bool IsCutOff(IOException e, CancellationToken ct) =>
        e is not Microsoft.AspNetCore.Http.BadHttpRequestException && !ct.IsCancellationRequested;

    private static DomainException CutOff() =>
        Field("file", new("表单不完整：在结束边界之前中断", "the form ends before its closing boundary"));

    private async Task<EvidenceRecord> StoreAsync(Caller caller, Dictionary<string, string> fields, string fileName,
        Stream file, CancellationToken ct)
    {
        var v = new Validator();
        var ownerType = v.OneOf<OwnerType>("ownerType", fields.GetValueOrDefault("ownerType"));
        var ownerId = v.Id("ownerId", fields.GetValueOrDefault("ownerId"));
        var name = v.Text("file", Path.GetFileName(fileName), 200);
        v.ThrowIfInvalid();
        var placement = await owners.PlaceForChangeAsync(caller, ownerType!.Value, ownerId!, ct);
        if (!EvidencePolicy.MayUploadDocumentTo(caller, placement)) throw Problems.Forbidden();

        var head = new byte[16];
        var headLength = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        var sniffed = ContentTypes.Sniff(head.AsSpan(0, headLength));
        if (sniffed is null || ContentTypes.IsImage(sniffed))
        {
            throw Field(
                "file",
                new("只接受 PDF、DOCX 或 XLSX 文档（照片请用直传）", "must be a PDF, DOCX or XLSX document (photos go through direct upload)"));
        }

        var declared = sniffed == "application/zip" ? ContentTypes.Docx : sniffed;
        var record = EvidenceRecord.Pending(caller.UserId, ownerType.Value, ownerId!, placement, name!, declared, 0, "", clock);
        // Straight to the sealed name (server-only), hashed and counted on the way; processing keeps it from there.
        var written = await blobs.WriteSealedAsync(record, new PrefixedStream(head.AsMemory(0, headLength), file), ct);

        var contentType = sniffed;
        if (sniffed == "application/zip")
        {
            await using var zip = await blobs.OpenSealedAsync(record, ct)
                ?? throw new InvalidOperationException("The sealed document vanished.");
            contentType = ContentTypes.OfficeKind(zip) ?? "";
        }
        if (!ContentTypes.Allowed.Contains(contentType) || ContentTypes.IsImage(contentType))
        {
            await blobs.DeleteStagedAsync(record, ct);
            throw Field("file", new("只接受 PDF、DOCX 或 XLSX 文档", "must be a PDF, DOCX or XLSX document"));
        }
        var committed = record with
        {
            ContentType = contentType, Size = written.Length, UploadSha256 = written.Sha256, CommittedAt = record.CreatedAt,
        };
        await store.AddAsync(committed, [(EvidenceRecord.ProcessQueue, new ProcessMessage(committed.Id))], ct);
        return committed;
    }

    private static DomainException Field(string field, LocalizedText message) =>
        Problems.Validation(new Dictionary<string, IReadOnlyList<LocalizedText>> { [field] = [message] });

    /// <summary>A part of the form as it is read: cut off, it is refused (<see cref="CutOff"/>).</summary>
    private sealed class FormPart(Stream part, CancellationToken requestAborted) : ReadOnlyStream
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return await part.ReadAsync(buffer, cancellationToken);
            }
            catch (IOException e) when (IsCutOff(e, requestAborted))
            {
                throw CutOff();
            }
        }
    }

    /// <summary>Bytes already read (the sniffed head) followed by the rest of a stream.</summary>
    private sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : ReadOnlyStream
    {
        private ReadOnlyMemory<byte> _prefix = prefix;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_prefix.IsEmpty) return await rest.ReadAsync(buffer, cancellationToken);
            var n = Math.Min(buffer.Length, _prefix.Length);
            _prefix[..n].CopyTo(buffer);
            _prefix = _prefix[n..];
            return n;
        }
    }

    /// <summary>A forward-only stream that is read, never written or sought: what both wrappers above are.</summary>
    private abstract class ReadOnlyStream : Stream
    {
        public abstract override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) =>
            ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
