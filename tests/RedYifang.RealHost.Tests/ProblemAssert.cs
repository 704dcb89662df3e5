using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RedYifang.RealHost.Tests;

/// <summary>What every refusal must look like, whichever host serves it.</summary>
public static partial class ProblemAssert
{
    /// <summary>
    /// Asserts status, problem+json, the stable code, a W3C trace id, and the language: Chinese by default,
    /// English when <paramref name="english"/>. Returns the body.
    /// </summary>
    public static async Task<JsonObject> IsAsync(HttpResponseMessage response, int status, string code, bool english = false)
    {
        var body = await response.ExpectAsync(status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, body.Str("code"));
        Assert.Equal(status, body["status"]!.GetValue<int>());
        Assert.Matches(W3CTraceId(), body.Str("traceId"));
        Assert.Equal(english ? "en" : "zh-CN", response.Content.Headers.ContentLanguage.Single());
        if (english) Assert.Matches(Ascii(), body.Str("title"));
        else Assert.Matches(Chinese(), body.Str("title"));
        return body;
    }

    /// <summary>
    /// Sends a refused request twice — in Chinese (no Accept-Language) and in English — and asserts both answers.
    /// A refused request changes nothing, so sending it again is the same request.
    /// </summary>
    public static async Task<JsonObject> InBothLanguagesAsync(Func<IDictionary<string, string>, Task<HttpResponseMessage>> send, int status,
        string code)
    {
        var chinese = await IsAsync(await send(new Dictionary<string, string>()), status, code);
        await IsAsync(await send(new Dictionary<string, string> { ["Accept-Language"] = "en" }), status, code, english: true);
        return chinese;
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex W3CTraceId();

    [GeneratedRegex(@"^[\x20-\x7e]+$")]
    private static partial Regex Ascii();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();
}
