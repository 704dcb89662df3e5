using RedYifang.Functions.Activities;
using RedYifang.Functions.Agreements;
using RedYifang.Functions.Funding;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Periods;

namespace RedYifang.Functions.Assessment;

/// <summary>
/// The co-building events the assessment counts, as facts to record (docs/assessment.md, "Co-building"): an agreement
/// becoming active (its service commitments fall due over its term) or terminated while active (they stop falling due after
/// that day); a delivery Agreements recorded (an accepted order with verified evidence, or a closed activity delivering a
/// commitment); an activity closed (which needs verified evidence); an alliance's joint meeting closed (which needs verified
/// minutes), as an activity closed for each unit that attended; money a unit gave (a donor movement of the funding ledger, and
/// its reversal as the negative amount). Everything else it ignores — an expiry changes nothing,
/// the term having run its course.
/// </summary>
public sealed class CoBuildingTranslator : IEventTranslator
{
    public IEnumerable<OutboxMessage> Translate(IDomainEvent domainEvent)
    {
        var e = domainEvent switch
        {
            AgreementEvent.Activated a => InForce(a.Agreement, a.Agreement.TermTo, a.At),
            AgreementEvent.Terminated { From: AgreementState.Active } t => InForce(t.Agreement, LastDay(t.Agreement, t.At), t.At),
            DeliveryRecorded { Delivery: var d } => new CoBuildingEvent(FactKind.Delivered, d.At, d.DistrictId, d.UnitId, d.SourceId,
                d.Source == DeliverySource.Order, d.Category),
            FundingEvent.MovementRecorded { Movement: { From.Kind: AccountKind.Donor } m } =>
                new CoBuildingEvent(FactKind.FundsGiven, m.At, m.DistrictId, m.From.OrgId, m.Id, Fen: m.Amount.Fen),
            FundingEvent.MovementRecorded { Movement: { To.Kind: AccountKind.Donor } m } =>
                new CoBuildingEvent(FactKind.FundsGiven, m.At, m.DistrictId, m.To.OrgId, m.Id, Fen: -m.Amount.Fen),
            ActivityEvent.Closed { Activity: var a } =>
                new CoBuildingEvent(FactKind.ActivityClosed, a.StartsAt, a.DistrictId, a.OrganiserOrgId, a.Id),
            _ => null,
        };
        if (e is not null) yield return e.ToMessage();
        if (domainEvent is not Alliances.AllianceEvent.MeetingClosed { Meeting: var meeting }) yield break;
        // A joint meeting closed with verified minutes counts for each attending unit as an activity it took part in.
        foreach (var unitId in meeting.AttendingUnitIds)
        {
            yield return new CoBuildingEvent(FactKind.ActivityClosed, meeting.At, meeting.DistrictId, unitId, meeting.Id).ToMessage();
        }
    }

    /// <summary>Terminated on a day of its term: in force up to and including that day (as Agreements counts deliveries).</summary>
    private static DateOnly LastDay(Agreement agreement, DateTimeOffset terminatedAt) =>
        ChinaTime.Today(terminatedAt) < agreement.TermTo ? ChinaTime.Today(terminatedAt) : agreement.TermTo;

    private static CoBuildingEvent InForce(Agreement agreement, DateOnly lastDay, DateTimeOffset at) =>
        new(FactKind.AgreementInForce, at, agreement.DistrictId, agreement.UnitId, agreement.Id, Agreement: new CoBuildingEvent.Terms(
            agreement.TermFrom, agreement.TermTo, lastDay,
            [
                .. agreement.Commitments
                    .Select((c, i) => (c, i))
                    .Where(x => x.c is { Kind: CommitmentKind.Service, Target: > 0 })
                    .Select(x => new AgreementShare.Service(x.i, x.c.Category, x.c.Target!.Value)),
            ]));
}
