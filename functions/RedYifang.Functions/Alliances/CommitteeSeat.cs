namespace RedYifang.Functions.Alliances;

/// <summary>
/// A part-time committee member (兼职委员): a person of a member unit, who holds the role <c>partTimeCommitteeMember</c> on the
/// street while the seat exists (granted and revoked through Organisations, <see cref="SyncCommitteeRole"/>). One seat per
/// member unit (domain.md: each unit may have a part-time committee member) and per person.
/// </summary>
public sealed record CommitteeSeat(string AllianceId, string DistrictId, string StreetId, string UserId, string UnitId,
    string AppointedBy, DateTimeOffset AppointedAt);
