using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace RedYifang.Functions.Tests.Fuzz;

/// <summary>A body as sent: its bytes (null for none) and Content-Type, and how it was bent.</summary>
public sealed record FuzzBody(string Variant, bool MustRefuse, byte[]? Bytes, string? ContentType);

/// <summary>
/// JSON bodies for an operation: valid ones drawn from its schema (<see cref="SchemaValues"/>), and those valid ones bent
/// one way each. A bend the contract rules out (a required field missing, a value of another JSON type, a number as a
/// string, a key twice, a value wrapped once more, a string past its maximum, digits of another script in a pattern, a
/// body that is not a JSON object or not declared as JSON, …) must be refused; a bend the contract allows or leaves open
/// (free text in other scripts and control characters, an unknown field, an enum in another case) may get any answer
/// but a fault.
/// </summary>
public sealed class BodyVariants(SchemaValues values, string template, JsonElement schema)
{
    private const string Json = "application/json";

    /// <summary>Characters a free-text field may be sent: right-to-left marks, other digits, zero-width, a NUL, emoji.</summary>
    private static readonly string[] OddTexts =
    [
        "\u202Eمرحبا\u202C", "٢٠٢٦", "２０２６年", "a\u200Bb\u200Dc", "nul\u0000inside", "tab\tand\r\nnewline", "😀👨‍👩‍👧",
        "\uFEFFbom", "\u0007bell", "   ", "\uD83D", "ǅ̸̡̛̤",
    ];

    private static readonly (string Name, string Body)[] NotObjects =
    [
        ("an array", "[]"), ("a string", "\"text\""), ("a number", "42"), ("null", "null"), ("true", "true"),
    ];

    private static readonly string[] WrongContentTypes =
    [
        "text/plain", "application/x-www-form-urlencoded", "application/xml", "application/json; charset=utf-16",
        "multipart/form-data; boundary=x", "application/jsonx", "json",
    ];

    private Gen<JsonObject> ValidObject { get; } = values.ValidObject(schema, template);

    private IReadOnlyList<(string Name, JsonElement Schema)> Fields => Contract.Properties(schema);

    public Gen<FuzzBody> Valid() => ValidObject.Select(o => Send("valid from the schema", false, o));

    /// <summary>Valid bodies bent one way the contract rules out.</summary>
    public Gen<FuzzBody> Refused()
    {
        var bends = new List<Gen<FuzzBody>>
        {
            ValidObject.SelectMany(o => Gen.Elements(WrongContentTypes).Select(ct => Raw($"declared as {ct}", true, o.ToJsonString(), ct))),
            ValidObject.Select(o => new FuzzBody("sent with no Content-Type", true, Encoding.UTF8.GetBytes(o.ToJsonString()), null)),
            ValidObject.Select(o => Truncated(o)),
            Gen.Elements(NotObjects).Select(n => Raw($"{n.Name}, not an object", true, n.Body, Json)),
            Gen.Elements("", " ", "{", "{\"a\":1}x", "{'a':1}", "{\"a\":NaN}", "{\"a\":1,}", "{/*c*/}")
                .Select(b => Raw($"malformed JSON '{b}'", true, b, Json)),
            Gen.Constant(new FuzzBody("a body over the 1 MB limit", true, Encoding.UTF8.GetBytes(
                "{\"x\":\"" + new string('x', 1_100_000) + "\"}"), Json)),
        };
        foreach (var required in Contract.Required(schema))
        {
            bends.Add(ValidObject.Select(o => Edit(o, $"{required} missing", b => b.Remove(required))));
            if (!Contract.Types(Field(required)).Contains("null"))
            {
                bends.Add(ValidObject.Select(o => Edit(o, $"{required} null", b => b[required] = null)));
            }
        }
        foreach (var (name, field) in Fields)
        {
            bends.AddRange(RefusedValues(name, field));
        }
        return Gen.OneOf(bends);
    }

    /// <summary>Valid bodies bent in ways the contract does not rule out: any answer but a fault.</summary>
    public Gen<FuzzBody> Odd()
    {
        var bends = new List<Gen<FuzzBody>>
        {
            ValidObject.Select(o => Edit(o, "an unknown field", b => b["unexpected"] = new JsonObject { ["deep"] = 1 }, mustRefuse: false)),
            ValidObject.Select(o => Raw("with a byte order mark", false, "\uFEFF" + o.ToJsonString(), Json)),
            ValidObject.Select(o => Raw("declared in upper case", false, o.ToJsonString(), "APPLICATION/JSON; charset=UTF-8")),
            ValidObject.Select(o => Raw("declared as application/problem+json", false, o.ToJsonString(), "application/problem+json")),
        };
        foreach (var (name, field) in Fields)
        {
            var resolved = Contract.NonNull(field);
            if (IsFreeText(resolved))
            {
                bends.Add(from o in ValidObject
                          from text in Gen.Elements(OddTexts)
                          select Edit(o, $"{name} in odd Unicode", b => b[name] = text, mustRefuse: false));
            }
            if (resolved.TryGetProperty("enum", out var choices))
            {
                var upper = choices.EnumerateArray().Select(c => c.GetString()!)
                    .Select(c => char.ToUpperInvariant(c[0]) + c[1..]).ToArray();
                bends.Add(from o in ValidObject
                          from text in Gen.Elements(upper)
                          select Edit(o, $"{name} in another case", b => b[name] = text, mustRefuse: false));
            }
        }
        return Gen.OneOf(bends);
    }

    private JsonElement Field(string name) => Fields.First(f => f.Name == name).Schema;

    /// <summary>One field bent past what its schema allows.</summary>
    private IEnumerable<Gen<FuzzBody>> RefusedValues(string name, JsonElement field)
    {
        var types = Contract.Types(field);
        var wrong = new (string Type, string Json)[]
        {
            ("integer", "123"), ("number", "1.5"), ("boolean", "true"), ("string", "\"text\""), ("array", "[]"),
            ("object", "{}"), ("array", "[1,\"a\"]"), ("object", "{\"a\":{\"b\":1}}"),
        }.Where(w => !types.Contains(w.Type)).ToArray();
        yield return from o in ValidObject
                     from w in Gen.Elements(wrong)
                     select Edit(o, $"{name} as {w.Type} {w.Json}", b => b[name] = JsonNode.Parse(w.Json));

        yield return ValidObject.Where(o => o.ContainsKey(name)).Select(o => DuplicateKey(o, name));

        var resolved = Contract.NonNull(field);
        if ((types.Contains("integer") || types.Contains("number")) && !types.Contains("string"))
        {
            yield return ValidObject.Select(o => Edit(o, $"{name} as a string \"1\"", b => b[name] = "1"));
        }
        string? wrap = null;
        if (!types.Contains("object")) wrap = "object";
        else if (!types.Contains("array")) wrap = "array";
        if (wrap is not null)
        {
            yield return ValidObject.Select(o => Edit(o, $"{name} nested once more in an {wrap}", b =>
            {
                var value = b[name]?.DeepClone() ?? JsonValue.Create("x");
                b[name] = wrap == "object" ? new JsonObject { ["value"] = value } : new JsonArray(value);
            }));
        }
        yield return ValidObject.Select(o => Edit(o, $"{name} nested 40 arrays deep", b =>
        {
            JsonNode deep = JsonValue.Create(1);
            for (var i = 0; i < 40; i++) deep = new JsonArray(deep);
            b[name] = deep;
        }));
        if (resolved.TryGetProperty("maxLength", out var maxLength))
        {
            var huge = new string('长', (maxLength.GetInt32() * 3) + 50_000);
            yield return ValidObject.Select(o => Edit(o, $"{name} of {huge.Length} characters", b => b[name] = huge));
        }
        if (resolved.TryGetProperty("minLength", out var minLength) && minLength.GetInt32() > 0)
        {
            yield return ValidObject.Select(o => Edit(o, $"{name} empty", b => b[name] = ""));
        }
        if (resolved.TryGetProperty("enum", out _))
        {
            yield return from o in ValidObject
                         from text in Gen.Elements("notAValue", "", "1", "medical\n", " elderlyCare")
                         select Edit(o, $"{name} not in its enum '{text}'", b => b[name] = text);
        }
        if (types.Contains("integer") && !types.Contains("string"))
        {
            var min = SchemaValues.Int(resolved, "minimum", int.MinValue);
            var max = SchemaValues.Int(resolved, "maximum", int.MaxValue);
            var outside = new List<JsonNode>();
            if (min > int.MinValue / 2) outside.Add(JsonValue.Create((long)min - 1));
            if (max < int.MaxValue / 2) outside.Add(JsonValue.Create((long)max + 1));
            outside.Add(JsonNode.Parse("1e400")!);
            outside.Add(JsonNode.Parse("99999999999999999999999")!);
            if (!types.Contains("number")) outside.Add(JsonValue.Create(1.5));
            yield return from o in ValidObject
                         from value in Gen.Elements(outside.Select(v => v.ToJsonString()).ToArray())
                         select Edit(o, $"{name} = {value}", b => b[name] = JsonNode.Parse(value));
        }
        if (resolved.TryGetProperty("pattern", out _) && types.Contains("string"))
        {
            // The value the schema allows, with its digits in another script or a newline after it: refused (issue 14).
            yield return from o in ValidObject
                         where o[name] is JsonValue v && v.TryGetValue<string>(out var s) && s.Any(char.IsAsciiDigit)
                         from bend in Gen.Elements(
                             ("Arabic-Indic digits", 0x0660), ("full-width digits", 0xFF10), ("a trailing newline", 0))
                         select Edit(o, $"{name} with {bend.Item1}", b => b[name] = Bend(o[name]!.GetValue<string>(), bend.Item2));
        }
        if (resolved.TryGetProperty("minItems", out var minItems) && minItems.GetInt32() > 0)
        {
            yield return ValidObject.Select(o => Edit(o, $"{name} an empty array", b => b[name] = new JsonArray()));
        }
        if (resolved.TryGetProperty("maxItems", out var maxItems))
        {
            yield return ValidObject
                .Where(o => o[name] is JsonArray { Count: > 0 })
                .Select(o => Edit(o, $"{name} with more than {maxItems.GetInt32()} items", b =>
                {
                    var item = b[name]!.AsArray()[0]!;
                    b[name] = new JsonArray(Enumerable.Range(0, maxItems.GetInt32() + 1).Select(_ => item.DeepClone()).ToArray());
                }));
        }
    }

    private static string Bend(string value, int zero) => zero == 0
        ? value + "\n"
        : new string(value.Select(c => char.IsAsciiDigit(c) ? (char)(zero + c - '0') : c).ToArray());

    private static bool IsFreeText(JsonElement field) =>
        Contract.Types(field).Contains("string") && !field.TryGetProperty("pattern", out _) && !field.TryGetProperty("enum", out _)
        && !field.TryGetProperty("format", out _);

    private static FuzzBody Edit(JsonObject valid, string variant, Action<JsonObject> bend, bool mustRefuse = true)
    {
        var copy = valid.DeepClone().AsObject();
        bend(copy);
        return Send(variant, mustRefuse, copy);
    }

    private static FuzzBody Send(string variant, bool mustRefuse, JsonObject body) =>
        new(variant, mustRefuse, JsonSerializer.SerializeToUtf8Bytes(body, Serialization), Json);

    private static FuzzBody Raw(string variant, bool mustRefuse, string body, string? contentType) =>
        new(variant, mustRefuse, Encoding.UTF8.GetBytes(body), contentType);

    /// <summary>The valid body with the field written a second time, with another value of the same kind.</summary>
    private static FuzzBody DuplicateKey(JsonObject valid, string name)
    {
        var text = JsonSerializer.Serialize(valid, Serialization);
        var again = valid[name]?.ToJsonString() ?? "null";
        return Raw($"{name} given twice", true, text[..^1] + $",\"{name}\":{again}}}", Json);
    }

    private static FuzzBody Truncated(JsonObject valid)
    {
        var text = valid.ToJsonString();
        return Raw("cut off halfway", true, text[..(text.Length / 2)], Json);
    }

    /// <summary>Unicode as it is (not \u-escaped), so odd characters travel as the client typed them.</summary>
    private static readonly JsonSerializerOptions Serialization = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
