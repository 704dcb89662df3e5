using System.Text.Json.Serialization;

namespace RedYifang.Functions.Activities;

/// <summary>
/// An activity an organisation holds (主题党日, volunteer service, a free clinic, …): its kind, title and time, optionally a
/// capacity, a site, the agreement commitment it delivers and the order it serves. The organiser's path is kept on it, so
/// scope checks need no extra read, and its district (<see cref="DistrictId"/>) is the partition every row of it lives in.
/// <see cref="CheckinSecret"/> derives the check-in codes (<see cref="CheckinCode"/>) and never leaves the store. It
/// changes only through its own methods, which return the new activity and the events the change caused.
/// </summary>
public sealed record Activity
{
    /// <summary>The longest an activity may last (issue 15).</summary>
    public static readonly TimeSpan MaxLength = TimeSpan.FromHours(24);

    /// <summary>How long before the start check-in opens, and how long after the end it (and check-out) stays open.</summary>
    public static readonly TimeSpan CheckinMargin = TimeSpan.FromMinutes(30);

    public required string Id { get; init; }
    public required string DistrictId { get; init; }
    public required string OrganiserOrgId { get; init; }
    public required IReadOnlyList<string> OrganiserPath { get; init; }
    public required ActivityKind Kind { get; init; }
    public required string Title { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required DateTimeOffset EndsAt { get; init; }
    public int? Capacity { get; init; }
    public string? SiteId { get; init; }
    public AgreementLink? Agreement { get; init; }
    public string? OrderId { get; init; }
    public required ActivityState State { get; init; }
    public required string CheckinSecret { get; init; }
    public required IReadOnlyList<ActivityStep> History { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    [JsonIgnore]
    public DateTimeOffset CheckinOpensAt => StartsAt - CheckinMargin;

    [JsonIgnore]
    public DateTimeOffset CheckinClosesAt => EndsAt + CheckinMargin;

    [JsonIgnore]
    public TimeSpan Length => EndsAt - StartsAt;

    /// <summary>Check-in and check-out are open from 30 minutes before the start to 30 minutes after the end, both included.</summary>
    public bool IsCheckinOpen(DateTimeOffset now) => now >= CheckinOpensAt && now <= CheckinClosesAt;

    /// <summary>Someone more may check in when <paramref name="checkedIn"/> have: no capacity, or a place left.</summary>
    public bool HasPlaceAfter(int checkedIn) => Capacity is not { } capacity || checkedIn < capacity;

    /// <summary>A new scheduled activity, written by whoever acts for the organiser.</summary>
    public static ActivityChange Create(NewActivity draft, string id, IReadOnlyList<string> organiserPath, AgreementLink? agreement,
        string secret, string by, DateTimeOffset at)
    {
        var activity = new Activity
        {
            Id = id, DistrictId = organiserPath[0], OrganiserOrgId = organiserPath[^1], OrganiserPath = organiserPath, Kind = draft.Kind,
            Title = draft.Title, StartsAt = draft.StartsAt, EndsAt = draft.EndsAt, Capacity = draft.Capacity, SiteId = draft.SiteId,
            Agreement = agreement, OrderId = draft.OrderId, State = ActivityState.Scheduled, CheckinSecret = secret,
            History = [new ActivityStep(ActivityAction.Create, null, ActivityState.Scheduled, by, at, null)], CreatedAt = at,
            UpdatedAt = at,
        };
        return new ActivityChange(activity, [new ActivityEvent.Created(activity)]);
    }

    /// <summary>
    /// The organiser closes the activity once it has ended, with at least one verified piece of evidence of it
    /// (<paramref name="verifiedEvidence"/>: how many it has); from then on it counts.
    /// </summary>
    public ActivityChange Close(string by, DateTimeOffset at, int verifiedEvidence)
    {
        var to = ActivityLifecycle.Target(ActivityAction.Close, State);
        if (at < EndsAt) throw ActivityProblems.NotYet(closing: true, this);
        if (verifiedEvidence < 1) throw ActivityProblems.EvidenceNotVerified("evidence", closing: true);
        var after = Step(ActivityAction.Close, to, by, at, null);
        return new ActivityChange(after, [new ActivityEvent.Closed(after)]);
    }

    /// <summary>The organiser calls the activity off, with the reason.</summary>
    public ActivityChange Cancel(string by, DateTimeOffset at, string reason)
    {
        var after = Step(ActivityAction.Cancel, ActivityLifecycle.Target(ActivityAction.Cancel, State), by, at, reason);
        return new ActivityChange(after, [new ActivityEvent.Cancelled(after)]);
    }

    private Activity Step(ActivityAction action, ActivityState to, string by, DateTimeOffset at, string? reason) =>
        this with { State = to, History = [.. History, new ActivityStep(action, State, to, by, at, reason)], UpdatedAt = at };
}
