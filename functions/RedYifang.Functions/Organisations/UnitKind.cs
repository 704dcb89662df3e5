namespace RedYifang.Functions.Organisations;

public enum UnitKind
{
    Agency,
    StateEnterprise,
    NonPublicEnterprise,
    SocialOrganization,
}
