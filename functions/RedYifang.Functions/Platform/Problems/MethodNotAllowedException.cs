namespace RedYifang.Functions.Platform.Problems;

/// <summary>The route exists but not with this method; <see cref="Allowed"/> lists the ones it has.</summary>
public sealed class MethodNotAllowedException(string code, LocalizedText title, IReadOnlyList<string> allowed, LocalizedText? detail = null)
    : DomainException(code, title, detail)
{
    public IReadOnlyList<string> Allowed { get; } = allowed;
}
