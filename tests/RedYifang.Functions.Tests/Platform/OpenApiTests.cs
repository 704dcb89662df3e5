using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RedYifang.Functions.Activities;
using RedYifang.Functions.Agreements;
using RedYifang.Functions.Alliances;
using RedYifang.Functions.Assessment;
using RedYifang.Functions.Evaluations;
using RedYifang.Functions.Evidence;
using RedYifang.Functions.Matching;
using RedYifang.Functions.Notifications;
using RedYifang.Functions.Orders;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.PartyMembers;
using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Resources;
using RedYifang.Functions.Sites;

namespace RedYifang.Functions.Tests.Platform;

/// <summary>
/// openapi.json, which the mini-program and the console are written against, held to the code: valid OpenAPI 3.1, exactly
/// the routes and methods of functions.metadata, who may call each, complete operations (ids, schemas, problem codes), the
/// enums as the code serialises them, and references that resolve. That every answer fits the document is checked where the tests read answers
/// (tests/RedYifang.Testing/OpenApiValidator.cs); the last test here shows it refuses what the document does not describe.
/// </summary>
[Collection(Slices.Platform)]
public sealed partial class OpenApiTests(SliceApp slice)
{
    private static readonly string[] Verbs = ["get", "put", "post", "delete", "patch"];

    /// <summary>The enums that travel in bodies and queries, and the document's schema for each.</summary>
    private static readonly Dictionary<Type, string> EnumSchemas = new()
    {
        [typeof(Category)] = "Category", [typeof(Role)] = "Role", [typeof(OrgKind)] = "OrgKind", [typeof(UnitKind)] = "UnitKind",
        [typeof(ResourceKind)] = "ResourceKind", [typeof(ResourceState)] = "ResourceState", [typeof(OrderState)] = "OrderState",
        [typeof(OrderLevel)] = "OrderLevel", [typeof(Urgency)] = "Urgency", [typeof(RunState)] = "RunState",
        [typeof(OwnerType)] = "OwnerType", [typeof(EvidenceKind)] = "EvidenceKind", [typeof(EvidenceState)] = "EvidenceState",
        [typeof(PeerGroup)] = "PeerGroup", [typeof(Indicator)] = "Indicator", [typeof(Direction)] = "Direction",
        [typeof(FactKind)] = "FactKind", [typeof(AgreementState)] = "AgreementState", [typeof(AgreementAction)] = "AgreementAction",
        [typeof(CommitmentKind)] = "CommitmentKind", [typeof(DeliverySource)] = "DeliverySource",
        [typeof(ReportState)] = "ReportState", [typeof(PointsSource)] = "PointsSource",
        [typeof(ActivityKind)] = "ActivityKind",
        [typeof(ActivityState)] = "ActivityState", [typeof(ActivityAction)] = "ActivityAction",
        [typeof(AttendanceState)] = "AttendanceState",
        [typeof(AttendanceAction)] = "AttendanceAction", [typeof(AttendanceSource)] = "AttendanceSource",
        [typeof(SiteKind)] = "SiteKind", [typeof(BookingState)] = "BookingState",
        [typeof(MemberState)] = "MemberState", [typeof(MeetingState)] = "MeetingState",
        [typeof(ReceivedState)] = "ReceivedState", [typeof(AwardReason)] = "AwardReason",
        [typeof(RedYifang.Functions.Funding.AccountKind)] = "AccountKind",
        [typeof(NotificationKind)] = "NotificationKind", [typeof(SendState)] = "SendState",
        [typeof(RedYifang.Functions.ContentSecurity.ContentKind)] = "ContentKind",
        [typeof(RedYifang.Functions.ContentSecurity.ScreeningState)] = "ScreeningState",
        [typeof(RedYifang.Functions.ContentSecurity.ScreeningReason)] = "ScreeningReason",
    };

    /// <summary>The enums that never appear as JSON values of the API, and why.</summary>
    private static readonly Dictionary<Type, string> EnumsOutsideBodies = new()
    {
        [typeof(Language)] = "chosen by Accept-Language",
        [typeof(OrderAction)] = "route segments of ChangeOrder, checked with the routes",
        [typeof(ResourceAction)] = "route segments of ChangeResource, checked with the routes",
        [typeof(OrderFactKind)] = "queue messages between features",
        [typeof(RedYifang.Functions.Platform.Idempotency.IdempotencyLease.Step)] = "a decision inside the idempotency layer",
        [typeof(AttendanceOutcome)] = "queue messages between features",
        [typeof(Audience)] = "a column of the notification table (Notifications/NotificationRules.cs)",
        [typeof(MessageField)] = "the right-hand side of a template's field mapping, in settings",
        [typeof(QuotaChange)] = "a decision inside the notification sender",
        [typeof(RedYifang.Functions.ContentSecurity.Suggest)] = "WeChat's verdict, made a screening before anything shows it",
        [typeof(RedYifang.Functions.ContentSecurity.MediaCheckStore.Outcome)] = "what recording a pushed verdict did, for the log",
        [typeof(RedYifang.Functions.Platform.WeChat.WeChatPushCipher.Failure)] = "why a secure-mode push did not decrypt, for the log",
    };

    /// <summary>Error answers that are not problems: the health check answers 503 with its own view (Platform/Health).</summary>
    private static readonly string[] NotProblems = ["getHealth 503"];

    private static JsonElement Document => OpenApiValidator.Document;

    [Fact]
    public async Task Serves_the_document_it_embeds()
    {
        var served = await (await slice.App.SendAsync(HttpMethod.Get, "api/openapi.json")).ExpectAsync(200);

        Assert.StartsWith("3.1.", served.Str("openapi"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Document.GetRawText()), served), "GET /api/openapi.json is not openapi.json");
    }

    [Fact]
    public void Reads_as_OpenAPI_3_1_without_errors()
    {
        var read = Microsoft.OpenApi.OpenApiDocument.Parse(Document.GetRawText(), "json");

        Assert.Equal(Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_1, read.Diagnostic!.SpecificationVersion);
        Assert.Empty(read.Diagnostic.Errors.Concat(read.Diagnostic.Warnings).Select(e => $"{e.Pointer}: {e.Message}"));
        var invalid = Microsoft.OpenApi.OpenApiElementExtensions.Validate(
            read.Document!,
            Microsoft.OpenApi.ValidationRuleSet.GetDefaultRuleSet());
        Assert.Empty(invalid.Select(e => $"{e.Pointer}: {e.Message}"));
    }

    [Fact]
    public async Task Describes_exactly_the_http_functions_the_app_serves()
    {
        var served = (await EndpointsAsync()).Select(e => $"{e.Method.ToUpperInvariant()} {e.Path} {e.Function}");
        var described = Operations()
            .Select(o => $"{o.Method.ToUpperInvariant()} {o.Path} {o.Operation.GetProperty("x-function").GetString()}");

        // Both ways: no function left out, nothing described that no function serves, each by the function that serves it.
        Assert.Equal(served.Order(StringComparer.Ordinal), described.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Anonymous_operations_are_exactly_the_anonymous_functions()
    {
        var functions = typeof(Json).Assembly;
        foreach (var endpoint in await EndpointsAsync())
        {
            var split = endpoint.EntryPoint.LastIndexOf('.');
            var method = functions.GetType(endpoint.EntryPoint[..split], throwOnError: true)!
                .GetMethod(endpoint.EntryPoint[(split + 1)..])!;
            var anonymous = method.GetCustomAttribute<AnonymousAttribute>() is not null;
            var operation = Document.GetProperty("paths").GetProperty(endpoint.Path).GetProperty(endpoint.Method);
            var name = $"{endpoint.Method.ToUpperInvariant()} {endpoint.Path}";

            var open = operation.TryGetProperty("security", out var security) && security.GetArrayLength() == 0;
            Assert.True(anonymous == open, $"{name}: the function is {(anonymous ? "" : "not ")}anonymous, the document says otherwise");
            var responses = operation.GetProperty("responses");
            if (anonymous)
            {
                Assert.False(responses.TryGetProperty("401", out _), $"{name} is anonymous: it never answers 401");
            }
            else
            {
                Assert.Equal("#/components/responses/Unauthenticated", responses.GetProperty("401").GetProperty("$ref").GetString());
            }
        }
    }

    [Fact]
    public void Every_operation_is_complete()
    {
        var operationIds = new List<string>();
        var statusOfCode = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        foreach (var (path, verb, operation) in Operations())
        {
            var name = $"{verb.ToUpperInvariant()} {path}";
            var id = operation.TryGetProperty("operationId", out var given) ? given.GetString() : null;
            Assert.True(id is not null && CamelCase().IsMatch(id), $"{name}: no camelCase operationId");
            operationIds.Add(id!);
            Assert.True(operation.TryGetProperty("summary", out _), $"{name}: no summary");

            var declared = operation.TryGetProperty("parameters", out var parameters)
                ? parameters.EnumerateArray().Select(Parameter).Where(p => p.GetProperty("in").GetString() == "path")
                    .Select(p => p.GetProperty("name").GetString()!).ToList()
                : [];
            Assert.Equal(TemplateNames().Matches(path).Select(m => m.Groups[1].Value), declared);

            var responses = operation.GetProperty("responses").EnumerateObject().ToList();
            Assert.Contains(responses, r => r.Name == "500");
            Assert.Contains(responses, r => r.Name.StartsWith('2'));
            foreach (var (status, response) in responses.Select(r => (int.Parse(r.Name), Response(r.Value))))
            {
                var at = $"{name} {status}";
                Assert.True(response.TryGetProperty("description", out _), $"{at}: no description");
                var hasContent = response.TryGetProperty("content", out var content);
                switch (status)
                {
                    case 204 or 304:
                        Assert.False(hasContent, $"{at} has no body");
                        break;
                    case < 300:
                        Assert.True(hasContent, $"{at}: a body without a schema");
                        foreach (var media in content.EnumerateObject())
                        {
                            Assert.True(media.Value.TryGetProperty("schema", out _), $"{at} {media.Name}: no schema");
                        }
                        break;
                    default:
                        if (NotProblems.Contains($"{id} {status}")) break;
                        foreach (var code in ProblemCodes(at, status, content))
                        {
                            if (!statusOfCode.TryGetValue(code, out var statuses)) statusOfCode[code] = statuses = [];
                            statuses.Add(status);
                        }
                        break;
                }
            }
        }
        Assert.Equal(operationIds.Distinct(StringComparer.Ordinal).Count(), operationIds.Count);
        // A code is one exception type, and each type one status (Platform/Http/ProblemStatus.cs).
        Assert.Empty(statusOfCode.Where(c => c.Value.Count > 1).Select(c => $"{c.Key}: {string.Join(", ", c.Value)}"));
    }

    [Fact]
    public void The_enums_are_the_codes_enums_as_it_serialises_them()
    {
        var schemas = Document.GetProperty("components").GetProperty("schemas");
        foreach (var (type, schema) in EnumSchemas)
        {
            var expected = Enum.GetValues(type).Cast<object>().Select(v => JsonSerializer.Serialize(v, type, Json.Options).Trim('"'));
            var described = schemas.GetProperty(schema).GetProperty("enum").EnumerateArray().Select(v => v.GetString());
            Assert.True(expected.SequenceEqual(described), $"{schema}: the code has {string.Join(", ", expected)}");
        }

        // A new enum must be placed: in the document, or named here as one that never travels as a JSON value.
        var unplaced = typeof(Json).Assembly.GetTypes()
            .Where(t => t.IsEnum && !EnumSchemas.ContainsKey(t) && !EnumsOutsideBodies.ContainsKey(t))
            .Select(t => t.FullName);
        Assert.Empty(unplaced);
    }

    [Fact]
    public void Every_reference_resolves_and_every_schema_builds()
    {
        foreach (var reference in References(Document))
        {
            Assert.StartsWith("#/", reference);
            OpenApiValidator.Resolve(reference[1..]);
        }
        foreach (var pointer in SchemaPointers())
        {
            OpenApiValidator.Build(pointer);
        }
    }

    [Fact]
    public void The_validator_refuses_answers_the_document_does_not_describe()
    {
        const string problem = """
            {"type":"/problems/conflict","title":"t","status":404,"detail":null,"code":"conflict","instance":"/",
             "traceId":"0123456789abcdef0123456789abcdef"}
            """;
        (string Method, string Path, int Status, string Body, string Expected)[] cases =
        [
            ("GET", "/api/v1/orgs/org_x1", 200, """{"id":"org_x1"}""", "required"),
            ("GET", "/api/v1/orgs/org_x1", 418, "", "does not document status 418"),
            ("GET", "/api/v1/orgs/org_x1", 404, problem, "enum"),
            ("DELETE", "/api/v1/orgs/org_x1", 200, "{}", "has no operation"),
            ("POST", "/api/v1/orders/ord_x1/publish", 200, """{"id":"ord_x1","state":"teleported"}""", "state"),
        ];
        foreach (var (method, path, status, body, expected) in cases)
        {
            var thrown = Assert.ThrowsAny<Exception>(() => OpenApiValidator.Validate(Answer(method, path, status, body), body));
            Assert.Contains(expected, thrown.Message);
        }

        // A route no operation takes is answered as x-unmatched says (an empty 404, as the hosts' own, is refused);
        // whatever storage answers is not the document's.
        const string NotFound = """{"type":"/problems/not_found","title":"未找到","status":404,"detail":"d","code":"not_found",""" +
            """ "instance":"/","traceId":"4bf92f3577b34da6a3ce929d0e0e4736"}""";
        OpenApiValidator.Validate(Answer("GET", "/api/v1/nothing-here", 404, NotFound), NotFound);
        Assert.Contains("documents a application/problem+json body for 404, but none came",
            Assert.ThrowsAny<Exception>(() => OpenApiValidator.Validate(Answer("GET", "/api/v1/nothing-here", 404, ""), "")).Message);
        OpenApiValidator.Validate(Answer("GET", "/devstoreaccount1/evidence/x", 200, "<xml/>"), "<xml/>");
    }

    private static HttpResponseMessage Answer(string method, string path, int status, string body) => new((HttpStatusCode)status)
    {
        RequestMessage = new HttpRequestMessage(new HttpMethod(method), new Uri(new Uri("http://127.0.0.1:7071"), path)),
        Content = new StringContent(body, Encoding.UTF8, status >= 400 ? "application/problem+json" : "application/json"),
    };

    /// <summary>The codes a problem answer lists, after checking it is a problem: problem+json, the Problem schema, its own status.</summary>
    private static List<string> ProblemCodes(string at, int status, JsonElement content)
    {
        Assert.Equal(["application/problem+json"], content.EnumerateObject().Select(m => m.Name));
        var schema = content.GetProperty("application/problem+json").GetProperty("schema");
        Assert.Contains(
            schema.GetProperty("allOf").EnumerateArray(),
            s => s.GetProperty("$ref").GetString() == "#/components/schemas/Problem");
        var properties = schema.GetProperty("properties");
        Assert.True(properties.GetProperty("status").GetProperty("const").GetInt32() == status, $"{at}: the status const differs");
        var codes = properties.GetProperty("code").GetProperty("enum").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.True(codes.Count > 0, $"{at}: no problem codes");
        return codes;
    }

    /// <summary>A response, through its reference to components/responses when it has one.</summary>
    private static JsonElement Response(JsonElement response) =>
        response.TryGetProperty("$ref", out var reference) ? OpenApiValidator.Resolve(reference.GetString()![1..]) : response;

    private static JsonElement Parameter(JsonElement parameter) =>
        parameter.TryGetProperty("$ref", out var reference) ? OpenApiValidator.Resolve(reference.GetString()![1..]) : parameter;

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations() =>
        Document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(m => Verbs.Contains(m.Name)).Select(m => (p.Name, m.Name, m.Value)));

    /// <summary>Every schema of the document's operations: request bodies, parameters and answers.</summary>
    private static IEnumerable<string> SchemaPointers()
    {
        foreach (var (path, method, operation) in Operations())
        {
            var at = $"/paths/{OpenApiValidator.Escape(path)}/{method}";
            if (operation.TryGetProperty("requestBody", out var request))
            {
                foreach (var media in request.GetProperty("content").EnumerateObject())
                {
                    yield return $"{at}/requestBody/content/{OpenApiValidator.Escape(media.Name)}/schema";
                }
            }
            if (operation.TryGetProperty("parameters", out var parameters))
            {
                for (var i = 0; i < parameters.GetArrayLength(); i++)
                {
                    if (!parameters[i].TryGetProperty("$ref", out _)) yield return $"{at}/parameters/{i}/schema";
                }
            }
            foreach (var response in operation.GetProperty("responses").EnumerateObject())
            {
                var pointer = response.Value.TryGetProperty("$ref", out var reference)
                    ? reference.GetString()![1..]
                    : $"{at}/responses/{response.Name}";
                if (!OpenApiValidator.Resolve(pointer).TryGetProperty("content", out var content)) continue;
                foreach (var media in content.EnumerateObject())
                {
                    yield return $"{pointer}/content/{OpenApiValidator.Escape(media.Name)}/schema";
                }
            }
        }
        foreach (var parameter in Document.GetProperty("components").GetProperty("parameters").EnumerateObject())
        {
            yield return $"/components/parameters/{parameter.Name}/schema";
        }
    }

    private static IEnumerable<string> References(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p =>
            p.Name == "$ref" && p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : References(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(References),
        _ => [],
    };

    private sealed record Endpoint(string Function, string EntryPoint, string Method, string Path);

    /// <summary>
    /// The HTTP functions of the build and the routes they serve, as the document writes them: a parameter as <c>{name}</c>,
    /// and a parameter constrained to a list (<c>{action:regex(^(publish|pause)$)}</c>) as one path per value, since each
    /// action has a body and answers of its own.
    /// </summary>
    private static async Task<List<Endpoint>> EndpointsAsync()
    {
        var file = Path.Combine(RedYifang.LocalHost.RedYifangHost.AppDirectory, "functions.metadata");
        var metadata = JsonNode.Parse(await File.ReadAllTextAsync(file))!.AsArray();
        var endpoints = new List<Endpoint>();
        // Not operations: the catch-all that answers unmatched requests with 404/405 problems (Platform/Http/UnmatchedRouteFunction)
        // and the admins' console's static files (Platform/Console/ConsoleFunction).
        foreach (var function in metadata.Where(f => f!["name"]!.GetValue<string>() is not ("zzUnmatchedRoute" or "Console")))
        {
            foreach (var trigger in function!["bindings"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "httpTrigger"))
            {
                IEnumerable<string> paths = [""];
                // host.json's routePrefix is "" so that the console can be served at /console/ (scripts/route-prefix.sh): each route
                // carries the document's server, /api, itself.
                var route = trigger!["route"]!.GetValue<string>();
                if (route.StartsWith("api/", StringComparison.Ordinal)) route = route["api/".Length..];
                foreach (var segment in route.Split('/'))
                {
                    var alternatives = RegexAlternatives().Match(segment) is { Success: true } list
                        ? list.Groups[1].Value.Split('|')
                        : [ConstrainedParameter().Replace(segment, "{$1}")];
                    paths = paths.SelectMany(p => alternatives.Select(a => $"{p}/{a}")).ToList();
                }
                endpoints.AddRange(
                    from path in paths
                    from method in trigger["methods"]!.AsArray()
                    select new Endpoint(function["name"]!.GetValue<string>(), function["entryPoint"]!.GetValue<string>(),
                        method!.GetValue<string>().ToLowerInvariant(), path));
            }
        }
        return endpoints;
    }

    [GeneratedRegex(@"^\{[a-zA-Z]+:regex\(\^\(([a-zA-Z|-]+)\)\$\)\}$")]
    private static partial Regex RegexAlternatives();

    [GeneratedRegex("^{([a-zA-Z]+):[^}]*}$")]
    private static partial Regex ConstrainedParameter();

    [GeneratedRegex("{([a-zA-Z]+)}")]
    private static partial Regex TemplateNames();

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*$")]
    private static partial Regex CamelCase();
}
