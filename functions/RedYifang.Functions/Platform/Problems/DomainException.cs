namespace RedYifang.Functions.Platform.Problems;

/// <summary>
/// A refusal the caller can act on, thrown by domain and application code before anything is written. It names
/// what went wrong (its type and <see cref="Code"/>) and says it in both languages; it carries no status code:
/// the HTTP edge maps each type to one (Platform/Http/ProblemStatus.cs), and queue and timer code only see the type.
/// </summary>
public abstract class DomainException(
    string code,
    LocalizedText title,
    LocalizedText? detail = null,
    IReadOnlyDictionary<string, IReadOnlyList<LocalizedText>>? errors = null) : Exception(title.En)
{
    public string Code { get; } = code;
    public LocalizedText Title { get; } = title;
    public LocalizedText? Detail { get; } = detail;
    public IReadOnlyDictionary<string, IReadOnlyList<LocalizedText>>? Errors { get; } = errors;

    /// <summary>How long the caller should wait before trying again, when waiting helps.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>One field's messages, the common shape of <see cref="Errors"/>.</summary>
    protected static IReadOnlyDictionary<string, IReadOnlyList<LocalizedText>> Field(string field, LocalizedText message) =>
        new Dictionary<string, IReadOnlyList<LocalizedText>> { [field] = [message] };
}
