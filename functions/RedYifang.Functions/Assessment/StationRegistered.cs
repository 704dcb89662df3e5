using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Assessment;

/// <summary>
/// A party–mass service station (党群服务站) registered (queue <c>assessment-stations</c>), from Sites' events
/// (<see cref="StationTranslator"/>): the site, its district and the owner's path (district, street, …, owner), and when. It
/// carries all the statistics need, so recording it reads nothing.
/// </summary>
public sealed record StationRegistered(string SiteId, string DistrictId, IReadOnlyList<string> OwnerPath, DateTimeOffset At)
{
    public const string Queue = "assessment-stations";

    public OutboxMessage ToMessage() => new(Queue, this);
}
