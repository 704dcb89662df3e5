using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RedYifang.Functions.Demo;
using RedYifang.LocalHost;

namespace RedYifang.Testing;

/// <summary>
/// The RedYifang app on the local host, as run.sh starts it, on a free loopback port against a given Azurite
/// and the loopback WeChat. Tests talk to it over real HTTP.
/// </summary>
public sealed class AppUnderTest : IAsyncDisposable
{
    public const string BootstrapAdmin = "dev-admin";
    private readonly ConcurrentDictionary<string, string> _tokens = new();
    private readonly WebApplication _host;

    public Azurite Storage { get; }
    public FakeWeChat WeChat { get; }
    public HttpClient Http { get; }
    public Uri BaseAddress { get; }
    public IServiceProvider Services => _host.Services;

    private AppUnderTest(WebApplication host, Azurite storage, FakeWeChat weChat)
    {
        _host = host;
        Storage = storage;
        WeChat = weChat;
        BaseAddress = host.BaseAddress();
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public static async Task<AppUnderTest> StartAsync(Azurite storage, FakeWeChat weChat,
        IReadOnlyDictionary<string, string?>? overrides = null, bool seedDemo = true)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storage.ConnectionString,
            ["Auth:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
            ["Auth:DevLogin"] = "true",
            ["Auth:BootstrapAdmins"] = BootstrapAdmin,
            ["WeChat:ApiBaseUrl"] = weChat.BaseUrl.ToString(),
            ["WeChat:AppId"] = FakeWeChat.AppId,
            ["WeChat:AppSecret"] = weChat.AppSecret,
            ["WeChat:AttemptTimeout"] = "00:00:01",
            ["WeChat:RetryDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) settings[key] = value;

        var host = RedYifangHost.Build(c => c.AddInMemoryCollection(settings), $"http://127.0.0.1:{FreePort.Next()}",
            logging => logging.SetMinimumLevel(LogLevel.Warning));
        await host.StartAsync();
        var app = new AppUnderTest(host, storage, weChat);
        if (seedDemo) await host.Services.GetRequiredService<DemoDistrict>().SeedIfEmptyAsync(CancellationToken.None);
        return app;
    }

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
    public async Task<JsonObject> UploadAsync(string asOpenId, string ownerType, string ownerId, byte[] bytes, string contentType = "image/jpeg",
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
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) put.Content.Headers.ContentType = new MediaTypeHeaderValue(value!.GetValue<string>());
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

    public TableClient Table(string name) => new TableServiceClient(Storage.ConnectionString).GetTableClient(name);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _host.StopAsync();
        await _host.DisposeAsync();
    }
}

public static class ResponseExtensions
{
    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())?.AsObject()
        ?? throw new InvalidDataException("Empty JSON body.");

    /// <summary>Asserts the status, showing the body when it differs, and returns the JSON body.</summary>
    public static async Task<JsonObject> ExpectAsync(this HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Xunit.Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? [] : JsonNode.Parse(body)?.AsObject() ?? [];
    }

    public static string Str(this JsonNode? node, string property) => node?[property]?.GetValue<string>()
        ?? throw new InvalidDataException($"No string '{property}' in {node?.ToJsonString()}");

    public static JsonSerializerOptions Web { get; } = new(JsonSerializerDefaults.Web);
}
