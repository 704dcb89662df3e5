namespace RedYifang.Functions.Platform.Problems;

/// <summary>The caller did not prove who they are.</summary>
public sealed class UnauthenticatedException(
    string code,
    LocalizedText title,
    LocalizedText? detail = null,
    IReadOnlyDictionary<string, IReadOnlyList<LocalizedText>>? errors = null) : DomainException(code, title, detail, errors);
