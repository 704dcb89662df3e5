using System.ComponentModel.DataAnnotations;

namespace RedYifang.Functions.Platform.Http;

public sealed class HttpOptions
{
    public const string Section = "Http";

    /// <summary>Largest JSON request body accepted; larger ones are answered 413.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 1024 * 1024;
}
