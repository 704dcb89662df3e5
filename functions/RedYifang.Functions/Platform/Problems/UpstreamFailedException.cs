namespace RedYifang.Functions.Platform.Problems;

/// <summary>A service the action needs answered with something unexpected.</summary>
public sealed class UpstreamFailedException(
    string code,
    LocalizedText title,
    LocalizedText? detail = null,
    IReadOnlyDictionary<string, IReadOnlyList<LocalizedText>>? errors = null) : DomainException(code, title, detail, errors);
