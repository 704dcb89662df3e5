namespace RedYifang.Functions.Organisations;

public enum OrgKind
{
    District,
    Street,
    Community,
    Grid,
    Building,
    Unit,
    VolunteerTeam,
}
