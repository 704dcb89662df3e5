namespace RedYifang.Functions.Platform.Problems;

/// <summary>The caller is known, but the action is outside their roles' scope.</summary>
public sealed class ForbiddenException(
    string code,
    LocalizedText title,
    LocalizedText? detail = null,
    IReadOnlyDictionary<string, IReadOnlyList<LocalizedText>>? errors = null) : DomainException(code, title, detail, errors);
