namespace RedYifang.Functions.ContentSecurity;

/// <summary>
/// The message of queue <c>content-moderation</c>: an item to list for its admins when it awaits a decision, after applying its
/// screening to the record it belongs to when <see cref="Apply"/> (a photo's verdict from WeChat's push; a text's screening was
/// written with the text).
/// </summary>
public sealed record ModerationMessage(HeldContent Item, bool Apply)
{
    public const string Queue = "content-moderation";
}
