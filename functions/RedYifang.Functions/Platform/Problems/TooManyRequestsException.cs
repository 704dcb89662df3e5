namespace RedYifang.Functions.Platform.Problems;

/// <summary>The caller is over a limit; <see cref="DomainException.RetryAfter"/> says when to try again.</summary>
public sealed class TooManyRequestsException(
    string code,
    LocalizedText title,
    LocalizedText? detail = null,
    IReadOnlyDictionary<string, IReadOnlyList<LocalizedText>>? errors = null) : DomainException(code, title, detail, errors);
