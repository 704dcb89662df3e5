namespace RedYifang.Functions.Platform.Problems;

/// <summary>The request's <c>If-Match</c> names a version that is no longer the current one: reload, then change.</summary>
public sealed class PreconditionFailedException(
    string code,
    LocalizedText title,
    LocalizedText? detail = null,
    IReadOnlyDictionary<string, IReadOnlyList<LocalizedText>>? errors = null) : DomainException(code, title, detail, errors);
