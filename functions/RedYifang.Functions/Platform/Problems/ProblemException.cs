namespace RedYifang.Functions.Platform.Problems;

/// <summary>
/// A refusal the caller can act on. Thrown by handlers and rendered as RFC 9457 problem+json by
/// the HTTP pipeline; nothing has been written when it is thrown.
/// </summary>
public sealed class ProblemException(
    int status,
    string code,
    LocalizedText title,
    LocalizedText? detail = null,
    IReadOnlyDictionary<string, IReadOnlyList<LocalizedText>>? errors = null) : Exception(title.En)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public LocalizedText Title { get; } = title;
    public LocalizedText? Detail { get; } = detail;
    public IReadOnlyDictionary<string, IReadOnlyList<LocalizedText>>? Errors { get; } = errors;

    /// <summary>Extra response headers, such as Retry-After.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>();

    public ProblemException WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }
}
