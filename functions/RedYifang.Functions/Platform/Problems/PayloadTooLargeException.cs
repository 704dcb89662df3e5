namespace RedYifang.Functions.Platform.Problems;

/// <summary>The request body is over the operation's limit.</summary>
public sealed class PayloadTooLargeException(
    string code,
    LocalizedText title,
    LocalizedText? detail = null,
    IReadOnlyDictionary<string, IReadOnlyList<LocalizedText>>? errors = null) : DomainException(code, title, detail, errors);
