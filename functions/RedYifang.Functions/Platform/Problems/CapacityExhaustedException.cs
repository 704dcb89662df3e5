namespace RedYifang.Functions.Platform.Problems;

/// <summary>The resource has no capacity left for the period.</summary>
public sealed class CapacityExhaustedException(
    string code,
    LocalizedText title,
    LocalizedText? detail = null,
    IReadOnlyDictionary<string, IReadOnlyList<LocalizedText>>? errors = null) : DomainException(code, title, detail, errors);
