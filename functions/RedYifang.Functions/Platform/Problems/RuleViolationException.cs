namespace RedYifang.Functions.Platform.Problems;

/// <summary>The request is well formed but breaks a domain rule (a reference that does not fit, evidence not verified).</summary>
public sealed class RuleViolationException(
    string code,
    LocalizedText title,
    LocalizedText? detail = null,
    IReadOnlyDictionary<string, IReadOnlyList<LocalizedText>>? errors = null) : DomainException(code, title, detail, errors);
