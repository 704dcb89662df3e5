using System.Text;

namespace RedYifang.Functions.Tests.Fuzz;

/// <summary>Who a request is sent as: a signed-in caller of <see cref="FuzzIds.Callers"/>, nobody, or a literal header.</summary>
public abstract record Credentials
{
    /// <summary>The caller's own access token, under the given scheme name (as a client might spell it).</summary>
    public sealed record As(string Caller, string Scheme = "Bearer") : Credentials;

    public sealed record Header(string Label, string Value) : Credentials;

    public sealed record Nobody : Credentials;
}

/// <summary>
/// One generated request: the operation it aims at, the variant that made it (how it was bent), whether it must be
/// refused (a 4xx whatever the app's state), and everything needed to send it again by hand.
/// </summary>
public sealed record FuzzRequest(
    string Operation,
    string Variant,
    bool MustRefuse,
    HttpMethod Method,
    string Path,
    Credentials Credentials,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[]? Body,
    string? ContentType)
{
    /// <param name="tokens">Open id → access token of the signed-in callers.</param>
    public HttpRequestMessage ToMessage(Func<string, string> tokens)
    {
        var request = new HttpRequestMessage(Method, Path.TrimStart('/'));
        switch (Credentials)
        {
            case Credentials.As(var caller, var scheme):
                request.Headers.TryAddWithoutValidation("Authorization", $"{scheme} {tokens(caller)}");
                break;
            case Credentials.Header(_, var value):
                request.Headers.TryAddWithoutValidation("Authorization", value);
                break;
        }
        foreach (var (name, value) in Headers) request.Headers.TryAddWithoutValidation(name, value);
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Body);
            if (ContentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }
        return request;
    }

    /// <summary>The request as a reader replays it: method, path, headers (a caller by open id: sign in as it), body.</summary>
    public string Describe()
    {
        var refused = MustRefuse ? ", must be refused" : "";
        var text = new StringBuilder($"{Method} /{Path.TrimStart('/')}   [{Operation}: {Variant}{refused}]\n");
        text.Append(Credentials switch
        {
            Credentials.As(var caller, var scheme) =>
                $"  Authorization: {scheme} <token of the fixture's '{caller}', signed in by POST /api/v1/auth/dev>\n",
            Credentials.Header(var label, var value) => $"  Authorization: {Shorten(value, 300)}   ({label})\n",
            _ => "",
        });
        foreach (var (name, value) in Headers) text.Append($"  {name}: {Shorten(value, 300)}\n");
        if (ContentType is not null) text.Append($"  Content-Type: {ContentType}\n");
        if (Body is not null) text.Append($"  body ({Body.Length} bytes): {Shorten(Encoding.UTF8.GetString(Body), 2000)}\n");
        return text.ToString();
    }

    private static string Shorten(string text, int max) =>
        text.Length <= max ? text : $"{text[..max]}… ({text.Length} characters)";
}
