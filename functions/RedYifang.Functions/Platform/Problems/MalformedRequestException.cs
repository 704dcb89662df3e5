namespace RedYifang.Functions.Platform.Problems;

/// <summary>The request cannot be read at all: its body is not JSON of the expected shape.</summary>
public sealed class MalformedRequestException(
    string code,
    LocalizedText title,
    LocalizedText? detail = null,
    IReadOnlyDictionary<string, IReadOnlyList<LocalizedText>>? errors = null) : DomainException(code, title, detail, errors);
