namespace RedYifang.Functions.PartyMembers;

/// <summary>
/// The message this feature consumes on queue <c>party-member-attendance</c>: an activity's attendance approved or declined
/// (staged with the review by <see cref="AttendanceTranslator"/>, from the Activities feature's domain events). <see cref="At"/> is the instant of the decision: it orders decisions about the same
/// attendance, and its month (China Standard Time) is the month an award counts toward. <see cref="DistrictId"/> picks the
/// points rules. It may arrive twice, or after a later decision: neither changes the ledger again (<see cref="Ledger"/>).
/// </summary>
public sealed record AttendanceMessage(
    AttendanceOutcome Outcome,
    string ActivityId,
    string OrganiserOrgId,
    string DistrictId,
    string UserId,
    decimal Hours,
    DateTimeOffset At,
    bool CheckedIn)
{
    public const string Queue = "party-member-attendance";

    /// <summary>An activity lasts at most 24 hours, so its attendance does too.</summary>
    public const decimal MaxHours = 24;

    /// <summary>Throws <see cref="InvalidDataException"/> for a message no producer should send (it ends in the poison queue).</summary>
    public void Check()
    {
        if (!Platform.Storage.Keys.IsWellFormedId(ActivityId) || !Platform.Storage.Keys.IsWellFormedId(UserId)
            || !Platform.Storage.Keys.IsWellFormedId(DistrictId) || !Platform.Storage.Keys.IsWellFormedId(OrganiserOrgId))
        {
            throw new InvalidDataException("An attendance message names something that is not an id.");
        }
        if (Hours is < 0 or > MaxHours) throw new InvalidDataException($"Attendance of {Hours} hours is outside 0–{MaxHours}.");
    }
}
