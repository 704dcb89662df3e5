namespace RedYifang.Functions.Platform.Problems;

/// <summary>The action collides with the current data: a lost race, a name taken, a period already final.</summary>
public sealed class ConflictException(
    string code,
    LocalizedText title,
    LocalizedText? detail = null,
    IReadOnlyDictionary<string, IReadOnlyList<LocalizedText>>? errors = null) : DomainException(code, title, detail, errors);
