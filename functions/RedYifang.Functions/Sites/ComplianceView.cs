namespace RedYifang.Functions.Sites;

/// <summary>
/// A street's standing against the area standard (<see cref="ComplianceRule"/>): its non-public enterprises, the rule as configured
/// (and in words), the area it requires, the shared area its sites give, and whether that is enough.
/// </summary>
public sealed record ComplianceView(
    string StreetId,
    int NonPublicEnterprises,
    ComplianceView.RuleView Rule,
    decimal AreaRequiredM2,
    int SharedSites,
    decimal SharedAreaM2,
    bool Complies)
{
    public sealed record RuleView(decimal AreaPerBlockM2, int EnterprisesPerBlock, string Text);
}
