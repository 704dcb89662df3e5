using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace RedYifang.Functions.Tests.Fuzz;

/// <summary>
/// Requests for one operation of openapi.json: <see cref="Valid"/> (every part as the contract allows, sent as one of the
/// fixture's callers), <see cref="Refused"/> (a valid request with one part bent so that the contract rules it out: a bad
/// bearer, an unknown or malformed id in the path, a malformed query value, a bent body, a bad Idempotency-Key — whatever
/// the app's state, a 4xx) and <see cref="Odd"/> (bends the contract leaves open: any answer but a fault).
/// </summary>
public sealed class RequestGen
{
    /// <summary>
    /// Path segments that are not ids: other scripts and directions, controls, encodings, a very long one. Not %00: the
    /// server (Kestrel) refuses a NUL in the path with an empty 400 before any app code runs.
    /// </summary>
    private static readonly string[] MalformedSegments =
    [
        "\u202Eord_abc", "٠١٢٣", "１２３", "😀", "订单", "ord_abc\n", "ord_abc ", " ", "a/b", "%2F", "%", "ord_%E2%80%AE",
        "..%2F..%2Fhealth", "ORD_ABC", "ord_" + new string('x', 2500), "null", "undefined", "-1", "0", "{id}", "ord_a'--",
    ];

    private static readonly string[] BadPeriods =
    [
        "٢٠٢٦-١٠", "２０２６-１０", "2026\n", "2026-10\n", " 2026", "2026-13", "2026-00", "1999", "2201", "2026-Q5", "2026-q1",
        "-2026", "99999999999999999999", "2026-1", "2026-10-01", "二〇二六",
    ];

    private static readonly string[] BadLimits =
        ["abc", "٥", "５", "-1", "0", "101", "99999999999999999999", "1.5", " 5", "5 ", "0x10", "+5", "1e2"];

    /// <summary>Tokens no page of this app hands out: not base64url, or standing for something storage never returns.</summary>
    private static readonly string[] BadContinuationTokens =
    [
        "%%%", "!!", "a b", new string('q', 3000), Base64Url("ключ ключ"), Base64Url("a\nb"), Base64Url(new string('k', 1100)),
    ];

    private static readonly string[] BadIdempotencyKeys = ["has space", new string('k', 256), "tab\tinside"];

    private readonly ContractOperation _op;
    private readonly SchemaValues _values;
    private readonly FuzzIds _ids;
    private readonly IReadOnlyList<Credentials.Header> _badBearers;
    private readonly BodyVariants? _body;

    public RequestGen(ContractOperation op, SchemaValues values, FuzzIds ids, IReadOnlyList<Credentials.Header> badBearers)
    {
        (_op, _values, _ids, _badBearers) = (op, values, ids, badBearers);
        if (op.BodySchema is { } schema && op.BodyMediaType == "application/json") _body = new BodyVariants(values, op.Template, schema);
    }

    private Gen<Credentials> Caller => _op.Anonymous
        ? Gen.Frequency((4, Gen.Constant<Credentials>(new Credentials.Nobody())), (1, Callers))
        : Callers;

    private Gen<Credentials> Callers => Gen.Frequency(
        (1, As("admin")), (2, As("district")), (1, As("street")), (3, As("community")), (3, As("liaison")), (2, As("resident")),
        (1, As("stranger")), (1, As("other-district")), (1, As("other-liaison")));

    private static Gen<Credentials> As(string role) => Gen.Constant<Credentials>(new Credentials.As(role));

    /// <summary>A request the contract allows, as one of the fixture's callers (who may or may not be allowed to make it).</summary>
    public Gen<FuzzRequest> Valid() =>
        from path in PathValues(null)
        from query in QueryValues(null)
        from caller in Caller
        from body in ValidBody()
        from key in IdempotencyKey()
        select Build("valid", false, path, query, caller, key, body);

    /// <summary>A valid request with one part bent past the contract: the app must answer 4xx.</summary>
    public Gen<FuzzRequest> Refused()
    {
        var bends = new List<(int Weight, Gen<FuzzRequest> Gen)>();
        if (!_op.Anonymous)
        {
            bends.Add((1,
                from path in PathValues(null)
                from query in QueryValues(null)
                from bearer in Gen.Elements(_badBearers.Cast<Credentials>().Append(new Credentials.Nobody()).ToArray())
                from body in ValidBody()
                select Build($"bearer: {(bearer is Credentials.Header h ? h.Label : "none")}", true, path, query, bearer, [], body)));
        }
        foreach (var parameter in _op.In("path"))
        {
            var bad = IsPeriod(parameter) ? Gen.Elements(BadPeriods) : Gen.Frequency(
                (2, Gen.Elements(SchemaValues.Unknown(PrefixOf(parameter)))),
                (3, Gen.Elements(MalformedSegments)));
            bends.Add((1,
                from raw in bad
                from path in PathValues((parameter.Name, raw))
                from query in QueryValues(null)
                from caller in Caller
                from body in ValidBody()
                select Build($"path {parameter.Name}: '{Printable(raw)}'", true, path, query, caller, [], body)));
        }
        foreach (var parameter in _op.In("query"))
        {
            if (QueryBends(parameter) is not { } bad) continue;
            bends.Add((1,
                from bend in bad
                from path in PathValues(null)
                from query in QueryValues((parameter.Name, bend))
                from caller in Caller
                from body in ValidBody()
                let variant = $"query {parameter.Name}: {(bend is null ? "missing" : $"'{Printable(bend)}'")}"
                select Build(variant, true, path, query, caller, [], body)));
        }
        if (_body is not null)
        {
            // Weighed three times (a body has the most ways to be bent); half of them with a valid Idempotency-Key where the
            // operation takes one: a refusal must release its claim.
            bends.Add((3,
                from path in PathValues(null)
                from query in QueryValues(null)
                from caller in Caller
                from body in _body.Refused()
                from key in IdempotencyKey()
                select Build($"body: {body.Variant}", true, path, query, caller, key, body)));
        }
        if (!_op.IsRead && _op.In("path").Any(p => _values.OtherIdsFor(p.Name, _op.Template) is not null))
        {
            // The fuzz's own district's roles (not the bootstrap admin, who is over every district) change nothing of another's.
            bends.Add((1,
                from path in OtherDistrictPath()
                from query in QueryValues(null)
                from caller in Gen.Elements("district", "street", "community", "liaison", "resident", "stranger")
                from body in ValidBody()
                select Build("path: the other district's ids", true, path, query, new Credentials.As(caller), [], body)));
        }
        if (_op.BodyMediaType == "multipart/form-data")
        {
            bends.Add((1,
                from caller in Caller
                from body in DocumentForms.Refused(_values)
                select Build($"form: {body.Variant}", true, [], [], caller, [], body)));
        }
        if (_op.TakesIdempotencyKey)
        {
            bends.Add((1,
                from key in Gen.Elements(BadIdempotencyKeys)
                from caller in Caller
                from body in ValidBody()
                select Build($"Idempotency-Key: '{Printable(key)}'", true, [], [], caller, [new("Idempotency-Key", key)], body)));
        }
        if (OtherMethods() is { Length: > 0 } otherMethods)
        {
            bends.Add((1,
                from method in Gen.Elements(otherMethods)
                from caller in Caller
                select Build($"method {method} on this path", true, [], [], caller, [], null) with { Method = new HttpMethod(method) }));
        }
        return Gen.Frequency(bends);
    }

    /// <summary>Bends the contract leaves open: any answer but a fault.</summary>
    public Gen<FuzzRequest> Odd()
    {
        var bends = new List<Gen<FuzzRequest>>
        {
            from path in PathValues(null)
            from query in QueryValues(null)
            from caller in Caller
            from body in ValidBody()
            from header in Gen.Elements<KeyValuePair<string, string>>(
                new("If-Match", "\"not-an-etag\""), new("If-Match", "*"), new("If-None-Match", "\"x\""), new("If-None-Match", "*"),
                new("Accept-Language", "ar;q=0.9, *;q=x"), new("Accept", "text/html"), new("Idempotency-Key", ""),
                new("X-Forwarded-For", "::::garbage"), new("Content-Language", "\u202E"))
            select Build($"header {header.Key}: '{Printable(header.Value)}'", false, path, query, caller, [header], body),
            from path in PathValues(null)
            from query in QueryValues(null)
            from body in ValidBody()
            from caller in Gen.Elements("community", "liaison")
            select Build("bearer: scheme in lower case", false, path, query, new Credentials.As(caller, "bearer"), [], body),
            from path in PathValues(null)
            from query in QueryValues(null)
            from extra in Gen.Elements("unknown=1", "limit=1&limit=2", "period=2026&period=2025", "%ZZ=1", "a=%E2%80%AE", "=")
            from caller in Caller
            from body in ValidBody()
            select Build($"query extra '{extra}'", false, path, query.Append(new KeyValuePair<string, string>("", extra)).ToList(),
                caller, [], body),
        };
        foreach (var parameter in _op.In("path").Where(p => !IsPeriod(p)))
        {
            var others = new[] { _ids.OwnOrders[0], _ids.OwnResources[0], _ids.Own.CommunityId, _ids.Users[0], _ids.Run };
            bends.Add(
                from raw in Gen.Elements(others)
                from path in PathValues((parameter.Name, raw))
                from query in QueryValues(null)
                from caller in Caller
                from body in ValidBody()
                select Build($"path {parameter.Name}: an id of another kind", false, path, query, caller, [], body));
        }
        foreach (var parameter in _op.In("query").Where(p => !IsPeriod(p) && p.Name != "limit"))
        {
            bends.Add(
                from raw in Gen.Elements("", "٣", "２０２６", "2026\n", "-1", "99999999999999999999", "\u202Exyz", new string('q', 3000),
                    SchemaValues.Unknown("org"), "true", "NULL")
                from path in PathValues(null)
                from query in QueryValues((parameter.Name, raw))
                from caller in Caller
                from body in ValidBody()
                select Build($"query {parameter.Name}: '{Printable(raw)}'", false, path, query, caller, [], body));
        }
        if (_body is not null)
        {
            bends.Add(
                from path in PathValues(null)
                from query in QueryValues(null)
                from caller in Caller
                from body in _body.Odd()
                select Build($"body: {body.Variant}", false, path, query, caller, [], body));
        }
        if (_op.BodyMediaType == "multipart/form-data")
        {
            bends.Add(
                from caller in Caller
                from body in DocumentForms.Odd(_values)
                select Build($"form: {body.Variant}", false, [], [], caller, [], body));
        }
        return Gen.OneOf(bends);
    }

    private Gen<FuzzBody?> ValidBody()
    {
        if (_body is not null) return _body.Valid().Select(b => (FuzzBody?)b);
        if (_op.BodyMediaType == "multipart/form-data") return DocumentForms.Valid(_values).Select(b => (FuzzBody?)b);
        return Gen.Constant<FuzzBody?>(null);
    }

    private Gen<IReadOnlyList<KeyValuePair<string, string>>> IdempotencyKey() => _op.TakesIdempotencyKey
        ? Gen.Frequency(
            (1, Gen.Constant<IReadOnlyList<KeyValuePair<string, string>>>([])),
            (1, Gen.Choose(0, 1_000_000).Select(i => (IReadOnlyList<KeyValuePair<string, string>>)[new("Idempotency-Key", $"fuzz-{i}")])))
        : Gen.Constant<IReadOnlyList<KeyValuePair<string, string>>>([]);

    /// <summary>The other district's id for each path parameter that names one; the rest (a period) as <see cref="PathValues"/>.</summary>
    private Gen<List<KeyValuePair<string, string>>> OtherDistrictPath() =>
        Gen.CollectToList(_op.In("path").Select(p => (_values.OtherIdsFor(p.Name, _op.Template) ?? ValidParameter(p))
            .Select(v => KeyValuePair.Create(p.Name, v))))
            .Select(l => l.ToList());

    /// <summary>A value for each path parameter (one of them given when <paramref name="given"/> names it).</summary>
    private Gen<List<KeyValuePair<string, string>>> PathValues((string Name, string Raw)? given) =>
        Gen.CollectToList(_op.In("path").Select(p =>
            given is { } g && g.Name == p.Name
                ? Gen.Constant(KeyValuePair.Create(p.Name, g.Raw))
                : ValidParameter(p).Select(v => KeyValuePair.Create(p.Name, v))))
            .Select(l => l.ToList());

    /// <summary>
    /// A value for each required query parameter and for each optional one half the time; the one <paramref name="given"/>
    /// names is sent with that value, or left out when the value is null.
    /// </summary>
    private Gen<List<KeyValuePair<string, string>>> QueryValues((string Name, string? Raw)? given) =>
        Gen.CollectToList(_op.In("query").Select(p =>
        {
            if (given is { } g && g.Name == p.Name)
            {
                return Gen.Constant<KeyValuePair<string, string>?>(g.Raw is null ? null : KeyValuePair.Create(p.Name, g.Raw));
            }
            var absent = Gen.Constant<KeyValuePair<string, string>?>(null);
            // A continuation token is whatever a previous page gave: none here.
            if (p.Name == "continuationToken") return absent;
            var value = ValidParameter(p).Select(v => (KeyValuePair<string, string>?)KeyValuePair.Create(p.Name, v));
            return p.Required ? value : Gen.Frequency((1, value), (1, absent));
        })).Select(l => l.Where(p => p is not null).Select(p => p!.Value).ToList());

    private Gen<string> ValidParameter(ContractParameter p)
    {
        if (IsPeriod(p)) return SchemaValues.Periods();
        if (_values.IdsFor(p.Name, _op.Template) is { } ids) return ids;
        return _values.Valid(p.Schema, p.Name, _op.Template).Select(v => v switch
        {
            JsonValue s when s.GetValueKind() == JsonValueKind.String => s.GetValue<string>(),
            null => "",
            var other => other.ToJsonString(),
        });
    }

    /// <summary>Values of a query parameter the contract rules out (null: the parameter left out), or null when none can be said.</summary>
    private Gen<string?>? QueryBends(ContractParameter p)
    {
        var bends = new List<string?>();
        if (p.Required) bends.Add(null);
        if (IsPeriod(p)) bends.AddRange(BadPeriods);
        if (p.Name == "limit") bends.AddRange(BadLimits);
        if (p.Name == "continuationToken") bends.AddRange(BadContinuationTokens);
        if (p.Schema.TryGetProperty("enum", out _)) bends.AddRange(["notAValue", "Medical", "1"]);
        // A flag the contract says only "true" turns on (listOrders' mine) takes anything else as off.
        if (Contract.Types(p.Schema).Contains("boolean") && !p.Description.Contains("Only true counts", StringComparison.Ordinal))
        {
            bends.AddRange(["yes", "1", "TRUE "]);
        }
        return bends.Count == 0 ? null : Gen.Elements(bends.ToArray());
    }

    private static bool IsPeriod(ContractParameter p) => p.Name == "period";

    /// <summary>The id prefix the operation's path parameter takes (an unknown id of the right shape).</summary>
    private string PrefixOf(ContractParameter p) => p.Name switch
    {
        "userId" => "usr",
        "districtId" or "orgId" => "org",
        "bookingId" => "bkg",
        _ when _op.Template.StartsWith("/v1/orders/", StringComparison.Ordinal) => "ord",
        _ when _op.Template.StartsWith("/v1/resources/", StringComparison.Ordinal) => "res",
        _ when _op.Template.StartsWith("/v1/evidence/", StringComparison.Ordinal) => "evd",
        _ when _op.Template.StartsWith("/v1/matching/", StringComparison.Ordinal) => "run",
        _ when _op.Template.StartsWith("/v1/sites/", StringComparison.Ordinal) => "site",
        _ => "org",
    };

    private string[] OtherMethods()
    {
        var taken = Contract.Operations.Where(o => o.Template == _op.Template).Select(o => o.Method.Method).ToHashSet();
        return new[] { "GET", "POST", "PUT", "DELETE", "PATCH" }.Where(m => !taken.Contains(m)).ToArray();
    }

    private FuzzRequest Build(
        string variant,
        bool mustRefuse,
        List<KeyValuePair<string, string>> path,
        List<KeyValuePair<string, string>> query,
        Credentials caller,
        IReadOnlyList<KeyValuePair<string, string>> headers,
        FuzzBody? body)
    {
        var url = new StringBuilder("api");
        foreach (var segment in _op.Template.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            url.Append('/');
            if (segment.StartsWith('{'))
            {
                var name = segment[1..^1];
                var value = path.FirstOrDefault(p => p.Key == name).Value ?? SchemaValues.Unknown("org");
                // Values already percent-encoded by the generator ("%2F", "%00") are sent as they are.
                url.Append(value.Contains('%', StringComparison.Ordinal) ? value : Uri.EscapeDataString(value));
            }
            else
            {
                url.Append(segment);
            }
        }
        if (query.Count > 0)
        {
            url.Append('?').AppendJoin('&', query.Select(q => q.Key.Length == 0 ? q.Value : $"{q.Key}={Uri.EscapeDataString(q.Value)}"));
        }
        return new FuzzRequest(_op.Id, variant, mustRefuse, _op.Method, url.ToString(), caller, headers, body?.Bytes, body?.ContentType);
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Printable(string raw)
    {
        var shown = raw.Length > 40 ? $"{raw[..20]}…({raw.Length} chars)" : raw;
        return string.Concat(shown.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
    }
}
