using System.ComponentModel.DataAnnotations;

namespace RedYifang.Functions.Sites;

/// <summary>
/// The area standard of the seed report (按照每100家非公企业不小于300平方米的标准): <see cref="AreaPerBlockM2"/> of shared site for
/// every started <see cref="EnterprisesPerBlock"/> non-public enterprises of a street. Settings <c>Sites__AreaPerBlockM2</c>,
/// <c>Sites__EnterprisesPerBlock</c>.
/// </summary>
public sealed class SiteOptions
{
    public const string Section = "Sites";

    [Range(typeof(decimal), "0.01", "1000000")]
    public decimal AreaPerBlockM2 { get; set; } = 300m;

    [Range(1, 100_000)]
    public int EnterprisesPerBlock { get; set; } = 100;
}
