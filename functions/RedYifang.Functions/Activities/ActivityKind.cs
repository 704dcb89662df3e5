namespace RedYifang.Functions.Activities;

/// <summary>What kind of activity an organisation holds (issue 15, domain.md "Activities and traces"); wire names are stable.</summary>
public enum ActivityKind
{
    /// <summary>主题党日.</summary>
    ThemePartyDay,

    /// <summary>组织生活.</summary>
    OrganisationLife,

    /// <summary>志愿服务.</summary>
    VolunteerService,

    /// <summary>义诊.</summary>
    FreeClinic,

    /// <summary>普法宣传.</summary>
    LegalOutreach,

    /// <summary>联席会议.</summary>
    JointMeeting,

    /// <summary>企业服务日.</summary>
    EnterpriseServiceDay,

    /// <summary>社区工作日.</summary>
    CommunityWorkDay,
}

public static class ActivityKindNames
{
    public static string Chinese(this ActivityKind kind) => kind switch
    {
        ActivityKind.ThemePartyDay => "主题党日",
        ActivityKind.OrganisationLife => "组织生活",
        ActivityKind.VolunteerService => "志愿服务",
        ActivityKind.FreeClinic => "义诊",
        ActivityKind.LegalOutreach => "普法宣传",
        ActivityKind.JointMeeting => "联席会议",
        ActivityKind.EnterpriseServiceDay => "企业服务日",
        _ => "社区工作日",
    };
}
