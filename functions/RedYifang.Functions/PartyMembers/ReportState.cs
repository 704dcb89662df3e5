namespace RedYifang.Functions.PartyMembers;

/// <summary>Where a party member's report (在职党员报到) stands: pending until an admin over the community decides it.</summary>
public enum ReportState
{
    Pending,

    /// <summary>Accepted: the member holds <c>partyMember</c> at the community or the grid named (granted through Organisations).</summary>
    Approved,

    /// <summary>Refused with a reason; the user may report to the community again.</summary>
    Declined,
}
