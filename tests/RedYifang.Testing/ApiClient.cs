using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RedYifang.Testing;

/// <summary>
/// Talks to the app over real HTTP as its clients do — dev sign-in, JSON requests, the evidence upload flow —
/// whichever host serves it (the local host in-process, or the Functions host as a child process).
/// </summary>
public class ApiClient(Uri baseAddress)
{
    private readonly ConcurrentDictionary<string, string> _tokens = new();

    public Uri BaseAddress { get; } = baseAddress;
    public HttpClient Http { get; } = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Signs in through <c>POST /v1/auth/dev</c> (once per open id) and returns the access token.</summary>
    public async Task<string> TokenAsync(string openId)
    {
        if (_tokens.TryGetValue(openId, out var token)) return token;
        var response = await Http.PostAsJsonAsync("api/v1/auth/dev", new { openId });
        response.EnsureSuccessStatusCode();
        token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        return _tokens[openId] = token;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? asOpenId = null, object? json = null,
        IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (asOpenId is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(asOpenId));
        if (json is not null)
        {
            request.Content = json is string raw
                ? new StringContent(raw, Encoding.UTF8, "application/json")
                : JsonContent.Create(json);
        }
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.TryAddWithoutValidation(name, value);
        return await Http.SendAsync(request);
    }

    /// <summary>
    /// Uploads a photo as the mini-program does: a ticket, a plain HTTP PUT of the bytes to the SAS URL, the commit,
    /// then waits until processing has verified (or rejected) it. Returns the evidence as the API shows it.
    /// </summary>
    public async Task<JsonObject> UploadAsync(
        string asOpenId,
        string ownerType,
        string ownerId,
        byte[] bytes,
        string contentType = "image/jpeg",
        string fileName = "photo.jpg")
    {
        var ticket = await (await SendAsync(HttpMethod.Post, "api/v1/evidence/uploads", asOpenId, new
        {
            ownerType, ownerId, fileName, contentType, size = bytes.LongLength,
            sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)),
        })).ExpectAsync(201);
        await PutAsync(ticket, bytes);
        var id = ticket.Str("evidenceId");
        await (await SendAsync(HttpMethod.Post, $"api/v1/evidence/{id}/commit", asOpenId)).ExpectAsync(202);
        return await SettledAsync(id, asOpenId);
    }

    /// <summary>PUTs bytes to a ticket's upload URL with the headers it requires; returns the status.</summary>
    public static async Task<int> PutAsync(JsonObject ticket, byte[] bytes)
    {
        using var plain = new HttpClient();
        using var put = new HttpRequestMessage(HttpMethod.Put, ticket.Str("uploadUrl")) { Content = new ByteArrayContent(bytes) };
        foreach (var (name, value) in ticket["requiredHeaders"]!.AsObject())
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) put.Content.Headers.ContentType
                = new MediaTypeHeaderValue(value!.GetValue<string>());
            else put.Headers.TryAddWithoutValidation(name, value!.GetValue<string>());
        }
        return (int)(await plain.SendAsync(put)).StatusCode;
    }

    /// <summary>Polls an evidence item until it is no longer pending (or ten seconds pass).</summary>
    public async Task<JsonObject> SettledAsync(string evidenceId, string asOpenId)
    {
        JsonObject evidence = [];
        for (var i = 0; i < 100; i++)
        {
            evidence = await (await SendAsync(HttpMethod.Get, $"api/v1/evidence/{evidenceId}", asOpenId)).ExpectAsync(200);
            if (evidence.Str("state") != "pending") break;
            await Task.Delay(100);
        }
        return evidence;
    }
}

public static class ResponseExtensions
{
    /// <summary>The JSON body, whatever the status; held to openapi.json like every answer read here.</summary>
    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        OpenApiValidator.Validate(response, body);
        return JsonNode.Parse(body)?.AsObject() ?? throw new InvalidDataException("Empty JSON body.");
    }

    /// <summary>
    /// Asserts the status, showing the body when it differs, then that openapi.json describes the answer (its operation,
    /// status, media type and body: <see cref="OpenApiValidator"/>), and returns the JSON body.
    /// </summary>
    public static async Task<JsonObject> ExpectAsync(this HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Xunit.Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {body}");
        OpenApiValidator.Validate(response, body);
        return body.Length == 0 ? [] : JsonNode.Parse(body)?.AsObject() ?? [];
    }

    /// <summary>Asserts the status and the problem's <c>code</c>; returns the problem.</summary>
    public static async Task<JsonObject> ExpectProblemAsync(this HttpResponseMessage response, int status, string code)
    {
        var problem = await response.ExpectAsync(status);
        Xunit.Assert.Equal(code, problem["code"]?.GetValue<string>());
        return problem;
    }

    /// <summary>A problem's <c>errors</c> as field → messages (empty when it has none), for comparing whole.</summary>
    public static Dictionary<string, string[]> Errors(this JsonObject problem) =>
        problem["errors"]?.AsObject().ToDictionary(e => e.Key, e => e.Value!.AsArray().Select(m => m!.GetValue<string>()).ToArray()) ?? [];

    /// <summary>The ids of a list page's items, in order.</summary>
    public static List<string> Ids(this JsonObject page, string property = "id") =>
        page["items"]!.AsArray().Select(i => i.Str(property)).ToList();

    public static string Str(this JsonNode? node, string property) => node?[property]?.GetValue<string>()
        ?? throw new InvalidDataException($"No string '{property}' in {node?.ToJsonString()}");

    public static JsonSerializerOptions Web { get; } = new(JsonSerializerDefaults.Web);
}
