namespace RedYifang.Functions.ContentSecurity;

/// <summary>
/// The scene (场景) WeChat screens content in: 1 资料 (a profile), 2 评论 (a comment), 3 论坛 (a post), 4 社交日志 (a social log).
/// An order is a resident's post to the community, a title and a body (论坛); a rating's comment, the resident's follow-up
/// comment and an evaluation's opinion are comments on someone's work (评论); a photo belongs where its object does (Evidence/CheckEvidenceMedia.cs: an order's
/// photos with the post, every other photo a record of what was done, 社交日志). Nothing here is a profile (资料).
/// </summary>
public static class WeChatScenes
{
    public const int Profile = 1;
    public const int Comment = 2;
    public const int Forum = 3;
    public const int SocialLog = 4;

    public static int ForText(ContentKind kind) => kind switch
    {
        ContentKind.OrderText => Forum,
        ContentKind.RatingComment or ContentKind.EvaluationOpinion or ContentKind.FollowUpComment => Comment,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a text"),
    };

    /// <summary>A photo of an order goes with the order's post; any other photo (activities, agreements, trace) is a log.</summary>
    public static int ForPhoto(bool ofAnOrder) => ofAnOrder ? Forum : SocialLog;
}
