namespace RedYifang.Functions.ContentSecurity;

/// <summary>What residents and staff write or show that WeChat screens (docs/content-security.md).</summary>
public enum ContentKind
{
    /// <summary>An order's title and description (Orders).</summary>
    OrderText,

    /// <summary>A rating's comment (Orders).</summary>
    RatingComment,

    /// <summary>An evaluation's opinion (Evaluations).</summary>
    EvaluationOpinion,

    /// <summary>A photo, after processing (Evidence).</summary>
    Photo,

    /// <summary>The resident's comment on their follow-up, "is it fixed?" (Orders).</summary>
    FollowUpComment,
}
