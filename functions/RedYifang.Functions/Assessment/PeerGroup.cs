
namespace RedYifang.Functions.Assessment;

public enum PeerGroup
{
    Agency,
    StateEnterprise,
    NonPublicEnterprise,
    SocialOrganization,
    VolunteerTeam,
    Community,
}
