namespace RedYifang.Functions.Platform.Security;

public enum Role
{
    Resident,
    PartyMember,
    Liaison,
    CommunityAdmin,
    StreetAdmin,
    DistrictAdmin,

    /// <summary>A part-time committee member (兼职委员) of the street's alliance, held on the street (Alliances/).</summary>
    PartTimeCommitteeMember,
}
