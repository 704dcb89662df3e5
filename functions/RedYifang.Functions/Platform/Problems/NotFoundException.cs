namespace RedYifang.Functions.Platform.Problems;

/// <summary>The object does not exist, or the caller may not see it (the two are not told apart).</summary>
public sealed class NotFoundException(
    string code,
    LocalizedText title,
    LocalizedText? detail = null,
    IReadOnlyDictionary<string, IReadOnlyList<LocalizedText>>? errors = null) : DomainException(code, title, detail, errors);
