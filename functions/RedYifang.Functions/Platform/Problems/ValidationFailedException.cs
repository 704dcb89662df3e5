namespace RedYifang.Functions.Platform.Problems;

/// <summary>The request's fields are missing, malformed or out of range (<c>errors</c> names them).</summary>
public sealed class ValidationFailedException(
    string code,
    LocalizedText title,
    LocalizedText? detail = null,
    IReadOnlyDictionary<string, IReadOnlyList<LocalizedText>>? errors = null) : DomainException(code, title, detail, errors);
