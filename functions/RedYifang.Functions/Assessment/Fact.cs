using RedYifang.Functions.Platform.Catalogue;

namespace RedYifang.Functions.Assessment;

/// <summary>
/// Something that happened to an organisation that the assessment counts: an order published by a community
/// (with its response time), matched to or accepted from a unit (with hours, beneficiaries and whether its
/// evidence was verified), rated, lapsed, or reopened; an agreement of the unit's in force in a month
/// (<see cref="Agreement"/>), a delivery of the unit's in a <see cref="Category"/> (an order's or an activity's), or an
/// activity it held and closed; or what it received in a closed evaluation window (<see cref="Evaluations"/>).
/// A household served (<see cref="Household"/>, in <see cref="Period"/>) names the first accepted order that counted it.
/// A rated fact with <see cref="Represented"/> was rated by an admin for a resident without an account: carried so the
/// assessment can weigh it, not weighed differently yet (docs/assessment.md).
/// <see cref="Id"/> is deterministic, so a fact recorded twice counts once.
/// <see cref="DistrictId"/> is the district whose assessment counts it (its organisation's). Each fact names what it
/// comes from: <see cref="OrderId"/>, <see cref="ActivityId"/> or the agreement's id in <see cref="Agreement"/>.
/// </summary>
public sealed record Fact(string Id, string OrgId, FactKind Kind, DateTimeOffset At, string? OrderId, bool EvidenceVerified = false,
    decimal ServiceHours = 0, int Beneficiaries = 0, int Stars = 0, int ResponseMinutes = 0, string DistrictId = "",
    string? ActivityId = null, Category? Category = null, AgreementShare? Agreement = null, EvaluationShare? Evaluations = null,
    long Fen = 0, string? Household = null, string? Period = null, bool Represented = false);
