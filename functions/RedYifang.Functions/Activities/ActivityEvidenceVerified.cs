namespace RedYifang.Functions.Activities;

/// <summary>
/// A piece of an activity's evidence was verified (queue <c>activity-evidence</c>, from Evidence's event through
/// <see cref="ActivityEvidenceTranslator"/>); the message carries all it needs and may arrive twice.
/// </summary>
public sealed record ActivityEvidenceVerified(string ActivityId, string EvidenceId, DateTimeOffset VerifiedAt)
{
    public const string Queue = "activity-evidence";
}
