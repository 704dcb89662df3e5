using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Json.Pointer;
using Json.Schema;

namespace RedYifang.Testing;

/// <summary>
/// Holds every answer the tests read to the app's own contract, openapi.json (the document the app embeds and serves): the
/// request's method and path name an operation, the operation must document the status, the media type must be one the
/// status documents, and the body must satisfy that status's schema. OpenAPI 3.1 schemas are JSON Schema 2020-12, so
/// JsonSchema.Net evaluates them as they stand, references into the document included.
/// </summary>
public static class OpenApiValidator
{
    /// <summary>The URI the document is registered under, so its <c>#/components/…</c> references resolve within it.</summary>
    private static readonly Uri DocumentUri = new("https://redyifang.test/openapi.json");

    private static readonly Lazy<JsonDocument> LazyDocument = new(Load);
    private static readonly Lazy<BuildOptions> LazyBuildOptions = new(CreateBuildOptions);
    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new(StringComparer.Ordinal);
    private static readonly Lock BuildLock = new();

    private static readonly EvaluationOptions Evaluation = new()
    {
        OutputFormat = OutputFormat.Hierarchical,
        RequireFormatValidation = true,
    };

    /// <summary>openapi.json as the app embeds it (the bytes <c>GET /api/openapi.json</c> serves).</summary>
    public static JsonElement Document => LazyDocument.Value.RootElement;

    /// <summary>The path prefix of every route, the document's server URL (<c>/api</c>).</summary>
    public static string ServerPath => Document.GetProperty("servers")[0].GetProperty("url").GetString()!;

    /// <summary>
    /// Fails the test unless the answer is one the document describes. Answers that are not the app's (storage, the WeChat
    /// stand-in) are left alone; a request no operation takes is held to the document's <c>x-unmatched</c> answers.
    /// </summary>
    public static void Validate(HttpResponseMessage response, string body)
    {
        if (response.RequestMessage is not { RequestUri: { } uri } request) return;
        if (!uri.AbsolutePath.StartsWith(ServerPath + "/", StringComparison.Ordinal)) return;
        var path = uri.AbsolutePath[ServerPath.Length..];
        var method = request.Method.Method.ToLowerInvariant();
        var status = (int)response.StatusCode;
        var where = $"{request.Method} {uri.PathAndQuery} → {status}";

        var statusText = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string operationName, responsePointer;
        JsonElement answer;
        if (Find(method, path) is not { } found)
        {
            // No operation: the app's catch-all answers 404 or 405 as the document's x-unmatched says.
            operationName = "a request no operation takes";
            responsePointer = $"/x-unmatched/{statusText}";
            if (!Document.GetProperty("x-unmatched").TryGetProperty(statusText, out answer))
            {
                Xunit.Assert.Fail($"openapi.json has no operation for {where}, and x-unmatched has no {status}. Body: {Shorten(body)}");
            }
        }
        else
        {
            var (template, operation) = found;
            operationName = $"{method.ToUpperInvariant()} {template} ({operation.GetProperty("operationId").GetString()})";
            responsePointer = $"/paths/{Escape(template)}/{method}/responses/{status}";
            if (!operation.GetProperty("responses").TryGetProperty(statusText, out answer))
            {
                Xunit.Assert.Fail($"{where}: openapi.json does not document status {status} for {operationName}. Body: {Shorten(body)}");
            }
        }
        if (answer.TryGetProperty("$ref", out var reference))
        {
            responsePointer = reference.GetString()!.TrimStart('#');
            answer = Resolve(responsePointer);
        }

        if (!answer.TryGetProperty("content", out var content))
        {
            Xunit.Assert.True(body.Length == 0, $"{where}: {operationName} documents no body for {status}, but one came: {Shorten(body)}");
            return;
        }
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        Xunit.Assert.True(
            content.TryGetProperty(mediaType, out var media),
            $"{where}: {operationName} documents {string.Join(", ", content.EnumerateObject().Select(m => m.Name))} for {status}, "
            + $"not '{mediaType}'.");
        if (!IsJson(mediaType) || !media.TryGetProperty("schema", out _)) return;
        Xunit.Assert.True(body.Length > 0, $"{where}: {operationName} documents a {mediaType} body for {status}, but none came.");

        using var instance = JsonDocument.Parse(body);
        var results = SchemaAt($"{responsePointer}/content/{Escape(mediaType)}/schema").Evaluate(instance.RootElement, Evaluation);
        if (results.IsValid) return;
        Xunit.Assert.Fail($"{where}: the body does not match openapi.json ({operationName}, {status}):\n"
            + string.Join("\n", Errors(results).Distinct().Take(20)) + $"\nBody: {Shorten(body)}");
    }

    /// <summary>The operation a request names: among the paths with that method, the one whose literal segments match most, first.</summary>
    public static (string Template, JsonElement Operation)? Find(string method, string path)
    {
        // As the hosts route: literal segments in any case, a trailing slash ignored.
        var segments = (path.Length > 1 ? path.TrimEnd('/') : path).Split('/');
        (string Template, JsonElement Operation, string Rank)? best = null;
        foreach (var candidate in Document.GetProperty("paths").EnumerateObject())
        {
            if (!candidate.Value.TryGetProperty(method, out var operation)) continue;
            var parts = candidate.Name.Split('/');
            if (parts.Length != segments.Length) continue;
            var rank = new StringBuilder();
            var fits = true;
            for (var i = 0; i < parts.Length && fits; i++)
            {
                var parameter = parts[i].StartsWith('{') && parts[i].EndsWith('}');
                fits = parameter ? segments[i].Length > 0 : string.Equals(parts[i], segments[i], StringComparison.OrdinalIgnoreCase);
                rank.Append(parameter ? '0' : '1');
            }
            if (fits && (best is null || string.CompareOrdinal(rank.ToString(), best.Value.Rank) > 0))
            {
                best = (candidate.Name, operation, rank.ToString());
            }
        }
        return best is { } b ? (b.Template, b.Operation) : null;
    }

    /// <summary>The node a local reference (<c>/components/…</c>, a JSON pointer) names.</summary>
    public static JsonElement Resolve(string pointer) =>
        JsonPointer.Parse(pointer).Evaluate(Document) ?? throw new InvalidOperationException($"openapi.json has nothing at {pointer}.");

    /// <summary>
    /// Builds the schema at a JSON pointer into the document and evaluates an empty object with it, which resolves its
    /// references: throws when one is broken.
    /// </summary>
    public static void Build(string pointer)
    {
        using var empty = JsonDocument.Parse("{}");
        SchemaAt(pointer).Evaluate(empty.RootElement, Evaluation);
    }

    /// <summary>The schema at a JSON pointer into the document, built once (its references resolve within the document).</summary>
    private static JsonSchema SchemaAt(string pointer) => Schemas.GetOrAdd(pointer, p =>
    {
        // Building registers the schema in the shared registry; collections run in parallel, so one builds at a time.
        lock (BuildLock)
        {
            // The pointer as a URI fragment: each segment percent-encoded ('{' of a path template, '+' of problem+json).
            var fragment = string.Join('/', p.Split('/').Select(Uri.EscapeDataString));
            return JsonSchema.FromText(
                JsonSerializer.Serialize(new Dictionary<string, string> { ["$ref"] = $"{DocumentUri}#{fragment}" }),
                LazyBuildOptions.Value);
        }
    });

    /// <summary>A path template or media type as one JSON pointer segment ('~' → '~0', '/' → '~1').</summary>
    public static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    private static bool IsJson(string mediaType) =>
        mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal);

    /// <summary>The errors of the failing nodes only: a branch of a oneOf that failed while another held is no error.</summary>
    private static IEnumerable<string> Errors(EvaluationResults node)
    {
        if (node.IsValid) yield break;
        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
        {
            yield return $"  at '{node.InstanceLocation}' ({keyword} of {node.EvaluationPath}): {message}";
        }
        foreach (var error in (node.Details ?? []).SelectMany(Errors)) yield return error;
    }

    private static string Shorten(string body) => body.Length <= 2000 ? body : body[..2000] + "…";

    private static JsonDocument Load()
    {
        using var stream = typeof(RedYifang.Functions.Platform.Http.Json).Assembly
            .GetManifestResourceStream("RedYifang.Functions.openapi.json")
            ?? throw new InvalidOperationException("openapi.json is not embedded in RedYifang.Functions.");
        return JsonDocument.Parse(stream);
    }

    private static BuildOptions CreateBuildOptions()
    {
        var registry = new SchemaRegistry();
        registry.Register(new JsonElementBaseDocument(Document, DocumentUri));
        return new BuildOptions { SchemaRegistry = registry, Dialect = Dialect.Draft202012 };
    }
}
