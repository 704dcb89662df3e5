using System.Reflection;

namespace RedYifang.Functions.Platform.Messaging;

/// <summary>
/// The catalogue of integration events: every type other systems may receive, with the version of its data's schema. An
/// integration event can only be made of one of these (<see cref="IntegrationEvent.Of"/>; the constructor is private), and
/// docs/events.md documents each — a Rules test keeps the two the same both ways. A version goes up when a field is removed,
/// renamed or changes meaning (adding a field does not change it); the type then keeps its name, and subscribers filter on
/// the Service Bus application properties <c>type</c> and <c>dataVersion</c>.
/// </summary>
public sealed class IntegrationEventType
{
    private static IReadOnlyList<IntegrationEventType>? _all;

    private IntegrationEventType(string name, int version)
    {
        Name = name;
        Version = version;
    }

    /// <summary>The type's name, <c>{feature}.{what happened}</c>: the Service Bus message's Subject.</summary>
    public string Name { get; }

    /// <summary>The version of the data's schema (from 1).</summary>
    public int Version { get; }

    public override string ToString() => $"{Name} v{Version}";

    public static readonly IntegrationEventType OrderStateChanged = new("order.stateChanged", 1);
    public static readonly IntegrationEventType OrderClaimed = new("order.claimed", 1);
    public static readonly IntegrationEventType OrderFollowUpConfirmed = new("order.followUpConfirmed", 1);
    public static readonly IntegrationEventType OrderModerated = new("order.moderated", 1);

    public static readonly IntegrationEventType ResourceCreated = new("resource.created", 1);
    public static readonly IntegrationEventType ResourceStateChanged = new("resource.stateChanged", 1);
    public static readonly IntegrationEventType ResourceChanged = new("resource.changed", 1);

    public static readonly IntegrationEventType EvidenceSealed = new("evidence.sealed", 1);
    public static readonly IntegrationEventType EvidenceVerified = new("evidence.verified", 1);
    public static readonly IntegrationEventType EvidenceRejected = new("evidence.rejected", 1);
    public static readonly IntegrationEventType EvidenceChainHead = new("evidence.chainHead", 1);
    public static readonly IntegrationEventType EvidenceHeld = new("evidence.held", 1);
    public static readonly IntegrationEventType EvidenceHidden = new("evidence.hidden", 1);
    public static readonly IntegrationEventType EvidenceApproved = new("evidence.approved", 1);

    public static readonly IntegrationEventType RankingPublished = new("ranking.published", 1);
    public static readonly IntegrationEventType RankingFinalised = new("ranking.finalised", 1);

    public static readonly IntegrationEventType AgreementStateChanged = new("agreement.stateChanged", 1);
    public static readonly IntegrationEventType AgreementSigned = new("agreement.signed", 1);
    public static readonly IntegrationEventType AgreementRenewalDue = new("agreement.renewalDue", 1);
    public static readonly IntegrationEventType AgreementDeliveryRecorded = new("agreement.deliveryRecorded", 1);

    public static readonly IntegrationEventType ActivityStateChanged = new("activity.stateChanged", 1);
    public static readonly IntegrationEventType ActivityAttendanceApproved = new("activity.attendanceApproved", 1);
    public static readonly IntegrationEventType ActivityAttendanceDeclined = new("activity.attendanceDeclined", 1);

    public static readonly IntegrationEventType AllianceCreated = new("alliance.created", 1);
    public static readonly IntegrationEventType AllianceMemberChanged = new("alliance.memberChanged", 1);
    public static readonly IntegrationEventType AllianceCommitteeChanged = new("alliance.committeeChanged", 1);
    public static readonly IntegrationEventType AllianceChairTermAdded = new("alliance.chairTermAdded", 1);
    public static readonly IntegrationEventType AllianceMeetingChanged = new("alliance.meetingChanged", 1);

    public static readonly IntegrationEventType SiteRegistered = new("site.registered", 1);
    public static readonly IntegrationEventType SiteChanged = new("site.changed", 1);
    public static readonly IntegrationEventType SiteBookingChanged = new("site.bookingChanged", 1);

    public static readonly IntegrationEventType FundingBudgetSet = new("funding.budgetSet", 1);
    public static readonly IntegrationEventType FundingMovementRecorded = new("funding.movementRecorded", 1);

    public static readonly IntegrationEventType EvaluationRecorded = new("evaluation.recorded", 1);
    public static readonly IntegrationEventType EvaluationWindowClosed = new("evaluation.windowClosed", 1);
    public static readonly IntegrationEventType EvaluationModerated = new("evaluation.moderated", 1);

    public static readonly IntegrationEventType OrgCreated = new("org.created", 1);
    public static readonly IntegrationEventType OrgChanged = new("org.changed", 1);

    public static readonly IntegrationEventType PartyMemberReportChanged = new("partyMember.reportChanged", 1);

    /// <summary>Every type, in the order declared above.</summary>
    public static IReadOnlyList<IntegrationEventType> All => _all ??=
    [
        .. typeof(IntegrationEventType).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(IntegrationEventType))
            .Select(f => (IntegrationEventType)f.GetValue(null)!),
    ];
}
