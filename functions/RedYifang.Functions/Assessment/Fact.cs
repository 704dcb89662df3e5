namespace RedYifang.Functions.Assessment;

/// <summary>
/// Something that happened to an organisation that the assessment counts: an order published by a community
/// (with its response time), matched to or accepted from a unit (with hours, beneficiaries and whether its
/// evidence was verified), rated, lapsed, or reopened. <see cref="Id"/> is deterministic, so a fact recorded twice
/// counts once. <see cref="DistrictId"/> is the district whose assessment counts it (its organisation's).
/// </summary>
public sealed record Fact(string Id, string OrgId, FactKind Kind, DateTimeOffset At, string OrderId, bool EvidenceVerified = false,
    decimal ServiceHours = 0, int Beneficiaries = 0, int Stars = 0, int ResponseMinutes = 0, string DistrictId = "");
