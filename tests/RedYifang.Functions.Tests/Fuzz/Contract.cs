using System.Text.Json;

namespace RedYifang.Functions.Tests.Fuzz;

/// <summary>A parameter of an operation as openapi.json declares it (its schema with references resolved).</summary>
public sealed record ContractParameter(string Name, string In, bool Required, JsonElement Schema, string Description);

/// <summary>An operation of openapi.json: what the fuzz needs to build requests for it.</summary>
public sealed record ContractOperation(
    string Id,
    HttpMethod Method,
    string Template,
    bool Anonymous,
    IReadOnlyList<ContractParameter> Parameters,
    string? BodyMediaType,
    JsonElement? BodySchema)
{
    public IEnumerable<ContractParameter> In(string where) => Parameters.Where(p => p.In == where);

    public bool TakesIdempotencyKey => Parameters.Any(p => p.In == "header" && p.Name == "Idempotency-Key");

    public bool IsRead => Method == HttpMethod.Get;

    public override string ToString() => $"{Method} {Template} ({Id})";
}

/// <summary>
/// The operations of the app's contract, openapi.json (the document <see cref="OpenApiValidator"/> holds answers to), in the
/// document's order, and the schema helpers the generators share: references resolved, the JSON types a schema allows.
/// </summary>
public static class Contract
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    public static IReadOnlyList<ContractOperation> Operations { get; } = Load();

    /// <summary>The schema itself, its <c>$ref</c> followed (within openapi.json).</summary>
    public static JsonElement Resolve(JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            schema = OpenApiValidator.Resolve(reference.GetString()!.TrimStart('#'));
        }
        return schema;
    }

    /// <summary>The JSON types a value of the schema may have ("integer" implied by "number"; an enum without type is strings).</summary>
    public static IReadOnlySet<string> Types(JsonElement schema)
    {
        schema = Resolve(schema);
        var types = new HashSet<string>(StringComparer.Ordinal);
        if (schema.TryGetProperty("type", out var type))
        {
            if (type.ValueKind == JsonValueKind.String) types.Add(type.GetString()!);
            else foreach (var t in type.EnumerateArray()) types.Add(t.GetString()!);
        }
        else if (schema.TryGetProperty("enum", out _))
        {
            types.Add("string");
        }
        if (schema.TryGetProperty("oneOf", out var oneOf))
        {
            foreach (var branch in oneOf.EnumerateArray()) types.UnionWith(Types(branch));
        }
        if (types.Contains("number")) types.Add("integer");
        return types;
    }

    /// <summary>The schema's branch that is not <c>null</c> (for <c>oneOf: [X, null]</c>), else the schema.</summary>
    public static JsonElement NonNull(JsonElement schema)
    {
        schema = Resolve(schema);
        if (!schema.TryGetProperty("oneOf", out var oneOf)) return schema;
        return oneOf.EnumerateArray().Select(Resolve).First(b => !(b.TryGetProperty("type", out var t)
            && t.ValueKind == JsonValueKind.String && t.GetString() == "null"));
    }

    public static IReadOnlyList<string> Required(JsonElement objectSchema) =>
        Resolve(objectSchema).TryGetProperty("required", out var required)
            ? required.EnumerateArray().Select(r => r.GetString()!).ToList()
            : [];

    public static IReadOnlyList<(string Name, JsonElement Schema)> Properties(JsonElement objectSchema) =>
        Resolve(objectSchema).TryGetProperty("properties", out var properties)
            ? properties.EnumerateObject().Select(p => (p.Name, p.Value)).ToList()
            : [];

    private static List<ContractOperation> Load()
    {
        var operations = new List<ContractOperation>();
        foreach (var path in OpenApiValidator.Document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in Methods)
            {
                if (!path.Value.TryGetProperty(method, out var operation)) continue;
                var parameters = operation.TryGetProperty("parameters", out var declared)
                    ? declared.EnumerateArray().Select(Resolve).Select(p => new ContractParameter(
                        p.GetProperty("name").GetString()!,
                        p.GetProperty("in").GetString()!,
                        p.TryGetProperty("required", out var r) && r.GetBoolean(),
                        Resolve(p.GetProperty("schema")),
                        p.TryGetProperty("description", out var d) ? d.GetString()! : "")).ToList()
                    : [];
                string? mediaType = null;
                JsonElement? body = null;
                if (operation.TryGetProperty("requestBody", out var requestBody))
                {
                    var content = Resolve(requestBody).GetProperty("content").EnumerateObject().First();
                    (mediaType, body) = (content.Name, Resolve(content.Value.GetProperty("schema")));
                }
                var anonymous = operation.TryGetProperty("security", out var security) && security.GetArrayLength() == 0;
                operations.Add(new ContractOperation(
                    operation.GetProperty("operationId").GetString()!,
                    new HttpMethod(method.ToUpperInvariant()),
                    path.Name,
                    anonymous,
                    parameters,
                    mediaType,
                    body));
            }
        }
        return operations;
    }
}
