namespace RedYifang.Functions.Sites;

/// <summary>
/// The area standard's arithmetic, exact (decimals, never floating point): every started block of
/// <see cref="SiteOptions.EnterprisesPerBlock"/> non-public enterprises needs <see cref="SiteOptions.AreaPerBlockM2"/> of shared
/// site (1–100 enterprises: 300 m², 101–200: 600 m²; none: nothing); a street complies when its shared area is at least that.
/// </summary>
public static class ComplianceRule
{
    /// <summary>How many blocks the enterprises start: ⌈enterprises ÷ per block⌉.</summary>
    public static int Blocks(int enterprises, int perBlock) => enterprises <= 0 ? 0 : ((enterprises - 1) / perBlock) + 1;

    public static decimal Required(int enterprises, SiteOptions options) =>
        options.AreaPerBlockM2 * Blocks(enterprises, options.EnterprisesPerBlock);

    /// <summary>The floor areas of the shared sites, summed as decimals.</summary>
    public static decimal SharedArea(IEnumerable<Site> sites) => sites.Where(s => s.SharedUse).Sum(s => s.FloorAreaM2);

    public static bool Complies(decimal shared, decimal required) => shared >= required;
}
