namespace RedYifang.Functions.ContentSecurity;

/// <summary>
/// Who sees held content (docs/content-security.md). A text pending review or hidden is shown to its author (for an order, its
/// owner too) and to admins in scope, with its state; everyone else sees <see cref="Withheld"/> in its place, so the record
/// (an order, an evaluation) still reads. A photo pending review is shown to its uploader and admins; a hidden photo to admins
/// only; to anyone else it does not exist (404, left out of lists and trace archives).
/// </summary>
public static class ContentVisibility
{
    public const string UnderReview = "（内容审核中）";
    public const string HiddenText = "（内容已隐藏）";

    public static bool ShowsText(Screening? screening, bool isAuthor, bool isAdmin) =>
        screening?.ShownToAll != false || isAuthor || isAdmin;

    /// <summary>The text to show this viewer: the text itself, or what stands in for it.</summary>
    public static string Text(string text, Screening? screening, bool isAuthor, bool isAdmin) =>
        ShowsText(screening, isAuthor, isAdmin) ? text : Withheld(screening!);

    public static string Withheld(Screening screening) => screening.State == ScreeningState.Hidden ? HiddenText : UnderReview;

    public static bool ShowsMedia(Screening? screening, bool isUploader, bool isAdmin) =>
        screening?.ShownToAll != false || isAdmin || (isUploader && screening.State == ScreeningState.Pending);
}
