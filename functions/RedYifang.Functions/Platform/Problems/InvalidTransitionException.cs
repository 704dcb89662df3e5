namespace RedYifang.Functions.Platform.Problems;

/// <summary>The object's state does not allow the action.</summary>
public sealed class InvalidTransitionException(
    string code,
    LocalizedText title,
    LocalizedText? detail = null,
    IReadOnlyDictionary<string, IReadOnlyList<LocalizedText>>? errors = null) : DomainException(code, title, detail, errors);
