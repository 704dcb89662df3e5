using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Assessment;

/// <summary>
/// A co-building change the assessment counts (queue <c>assessment-cobuilding</c>), from Agreements' and Activities' events
/// (<see cref="CoBuildingTranslator"/>): an agreement in force (<see cref="FactKind.AgreementInForce"/>, with
/// <see cref="Agreement"/>), a delivery (<see cref="FactKind.Delivered"/>, with its <see cref="Category"/>), or an activity
/// closed (<see cref="FactKind.ActivityClosed"/>). <see cref="OrgId"/> is the unit or organiser it counts for;
/// <see cref="SourceId"/> the agreement, order or activity. It carries all it needs, so recording its facts reads nothing.
/// </summary>
public sealed record CoBuildingEvent(
    FactKind Kind,
    DateTimeOffset At,
    string DistrictId,
    string OrgId,
    string SourceId,
    bool FromOrder = false,
    Category? Category = null,
    CoBuildingEvent.Terms? Agreement = null,
    long Fen = 0)
{
    public const string Queue = "assessment-cobuilding";

    /// <summary>
    /// An agreement's term, the last day it is in force (<see cref="Terms.TermTo"/>, or the day it was terminated) and its
    /// service commitments.
    /// </summary>
    public sealed record Terms(DateOnly TermFrom, DateOnly TermTo, DateOnly LastDay, IReadOnlyList<AgreementShare.Service> Services);

    public OutboxMessage ToMessage() => new(Queue, this);
}
