namespace RedYifang.Functions.Platform.Problems;

/// <summary>A service the action needs (storage, WeChat) cannot answer now; trying later may succeed.</summary>
public sealed class UnavailableException(
    string code,
    LocalizedText title,
    LocalizedText? detail = null,
    IReadOnlyDictionary<string, IReadOnlyList<LocalizedText>>? errors = null) : DomainException(code, title, detail, errors);
