namespace RedYifang.Functions.Platform.Security;

public enum Role
{
    Resident,
    PartyMember,
    Liaison,
    CommunityAdmin,
    StreetAdmin,
    DistrictAdmin,
}
