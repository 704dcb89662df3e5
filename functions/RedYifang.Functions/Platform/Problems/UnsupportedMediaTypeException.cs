namespace RedYifang.Functions.Platform.Problems;

/// <summary>The body is of a media type the operation does not read (a JSON body sent as text/plain, for one).</summary>
public sealed class UnsupportedMediaTypeException(string code, LocalizedText title, LocalizedText? detail = null)
    : DomainException(code, title, detail);
