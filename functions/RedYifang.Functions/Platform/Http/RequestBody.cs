using System.Text.Json;
using Microsoft.AspNetCore.Http;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Platform.Http;

public static class RequestBody
{
    private const string BytesKey = "RedYifang.RequestBody";
    internal const string LimitKey = "RedYifang.MaxBodyBytes";

    /// <summary>The raw body, read once (bounded by the function's limit) and kept for idempotency hashing.</summary>
    public static async Task<byte[]> ReadBytesAsync(this HttpRequest request)
    {
        if (request.HttpContext.Items.TryGetValue(BytesKey, out var cached) && cached is byte[] bytes)
        {
            return bytes;
        }
        var limit = request.HttpContext.Items.TryGetValue(LimitKey, out var l) && l is long max ? max : 1024 * 1024;
        await using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit) throw Problems.Problems.PayloadTooLarge(limit);
            buffer.Write(chunk, 0, read);
        }
        bytes = buffer.ToArray();
        request.HttpContext.Items[BytesKey] = bytes;
        return bytes;
    }

    /// <summary>
    /// Parses the body as a JSON object of <typeparamref name="T"/>: a syntax error is 400
    /// <c>malformed_json</c>; a value of the wrong type is 400 <c>validation_failed</c> naming the field.
    /// </summary>
    public static async Task<T> ReadJsonAsync<T>(this HttpRequest request) where T : class
    {
        var bytes = await request.ReadBytesAsync();
        // A body (or a declared one) must say it is JSON; no body at all stays a malformed_json answer below.
        if ((bytes.Length > 0 || request.ContentType is not null) && !IsJson(request.ContentType)) throw Problems.Problems.NotJson();
        JsonDocument document;
        try
        {
            // A key given twice is refused, not resolved silently to one of its values.
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 32, AllowDuplicateProperties = false });
        }
        catch (JsonException)
        {
            throw Problems.Problems.MalformedJson();
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object) throw Problems.Problems.MalformedJson();
            try
            {
                return document.RootElement.Deserialize<T>(Json.Options) ?? throw Problems.Problems.MalformedJson();
            }
            catch (JsonException e)
            {
                var field = FieldOf(e.Path);
                throw Problems.Problems.Validation(new Dictionary<string, IReadOnlyList<LocalizedText>>
                {
                    [field] = [Validator.WrongType],
                });
            }
        }
    }

    /// <summary>application/json or a +json type, in any case, with or without a UTF-8 charset.</summary>
    public static bool IsJson(string? contentType)
    {
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var type)) return false;
        var charsetOk = !type.Charset.HasValue || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase);
        return charsetOk
            && type.Type.Equals("application", StringComparison.OrdinalIgnoreCase)
            && (type.SubType.Equals("json", StringComparison.OrdinalIgnoreCase)
                || type.SubType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>"$.availability[0].from" → "availability[0].from".</summary>
    private static string FieldOf(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "body" : jsonPath.TrimStart('$', '.');
}
