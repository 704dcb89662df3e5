using System.Text.Json.Serialization;

namespace RedYifang.Functions.ContentSecurity;

/// <summary>Where a screened text or photo stands.</summary>
public enum ScreeningState
{
    /// <summary>WeChat found nothing (suggest <c>pass</c>).</summary>
    Passed,

    /// <summary>
    /// Not screened, and shown: WeChat is not configured (local runs), or the author has no mini-program open id to screen it
    /// with (staff signed in on the console); see <see cref="ScreeningReason"/>.
    /// </summary>
    Unchecked,

    /// <summary>A photo sent to WeChat, whose answer is still to come (pushed within 30 minutes); shown meanwhile.</summary>
    Checking,

    /// <summary>Waits for a community admin: shown only to its author and admins in scope.</summary>
    Pending,

    /// <summary>An admin let it be shown.</summary>
    Approved,

    /// <summary>Not shown: a photo WeChat judged risky, or what an admin hid. Kept, never deleted.</summary>
    Hidden,
}

/// <summary>Why content is held, hidden or unchecked.</summary>
public enum ScreeningReason
{
    /// <summary>WeChat answered <c>review</c>: a person should look.</summary>
    Review,

    /// <summary>WeChat answered <c>risky</c> (a photo; a risky text is refused, never stored).</summary>
    Risky,

    /// <summary>WeChat could not be asked or gave no verdict (out of reach, busy, an error code): held, never blocked.</summary>
    Unavailable,

    /// <summary>WeChat's server side is not configured (WeChat:AppId, WeChat:AppSecret empty).</summary>
    NotConfigured,

    /// <summary>The author has no mini-program open id, which WeChat's checks require.</summary>
    NoOpenId,
}

/// <summary>
/// How a text or photo stands with content security: stored on the record it belongs to (an order, a rating, an evaluation,
/// an evidence item) and shown with it. <see cref="DecidedBy"/> is the admin who approved or hid it; null while only WeChat
/// (or its absence) has spoken. A record without one was written before screening began and is shown as it always was.
/// </summary>
public sealed record Screening(
    ScreeningState State,
    ScreeningReason? Reason = null,
    string? Label = null,
    string? DecidedBy = null,
    DateTimeOffset? DecidedAt = null)
{
    /// <summary>A person should decide: held for review, or hidden by WeChat's verdict and not yet confirmed.</summary>
    [JsonIgnore]
    public bool AwaitsDecision => DecidedBy is null && State is ScreeningState.Pending or ScreeningState.Hidden;

    /// <summary>Shown to whoever may see the record it belongs to.</summary>
    [JsonIgnore]
    public bool ShownToAll => State is ScreeningState.Passed or ScreeningState.Unchecked or ScreeningState.Checking
        or ScreeningState.Approved;

    /// <summary>
    /// Who decided a screening no admin decided, as integration events name it (docs/events.md): WeChat's verdict, or with reason
    /// <c>unavailable</c> its absence.
    /// </summary>
    public const string ByWeChat = "wechat";

    public static Screening Pass { get; } = new(ScreeningState.Passed);

    /// <summary>
    /// What a record's screening becomes when another arrives. A person's decision wins over WeChat's and is replaced only by
    /// another decision; between WeChat's answers the stricter stands (nothing, checking, passed or unchecked, pending,
    /// hidden), so answers that arrive twice or out of order (a replayed push, a check resubmitted after a failure, the
    /// "checking" mark written after the verdict it awaited) leave the same result.
    /// </summary>
    public static Screening? Merge(Screening? current, Screening? incoming)
    {
        if (incoming is null) return current;
        if (current is null || incoming.DecidedBy is not null) return incoming;
        if (current.DecidedBy is not null) return current;
        return Rank(incoming.State) > Rank(current.State) ? incoming : current;
    }

    /// <summary>
    /// What an arriving screening does to a record's (<see cref="Merge"/>): the screening to write, and whether its state moved
    /// (what the features' <c>moderated</c>/<c>screened</c> events report); null when nothing changes, so nothing is written.
    /// </summary>
    public static (Screening Merged, bool StateChanged)? Apply(Screening? current, Screening incoming) =>
        Merge(current, incoming) is { } merged && merged != current ? (merged, merged.State != current?.State) : null;

    private static int Rank(ScreeningState state) => state switch
    {
        ScreeningState.Checking => 1,
        ScreeningState.Passed or ScreeningState.Unchecked or ScreeningState.Approved => 2,
        ScreeningState.Pending => 3,
        _ => 4,
    };
}
