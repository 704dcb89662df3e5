using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.PartyMembers;

/// <summary>What happened to a report; each carries the report as it is after the event (<see cref="RoleGrantTranslator"/>).</summary>
public abstract record ReportEvent(PartyMemberReport Report) : IDomainEvent
{
    public DateTimeOffset At => Report.UpdatedAt;

    public sealed record Submitted(PartyMemberReport Report) : ReportEvent(Report);

    /// <summary>Approved: the member is to hold <c>partyMember</c> at <see cref="PartyMemberReport.GrantOrgId"/>.</summary>
    public sealed record Approved(PartyMemberReport Report) : ReportEvent(Report);

    public sealed record Declined(PartyMemberReport Report) : ReportEvent(Report);
}
