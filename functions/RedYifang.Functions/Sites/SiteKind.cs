namespace RedYifang.Functions.Sites;

/// <summary>
/// What a site (阵地) is: one of the six kinds of organisation-life base (组织生活基地) the seed report's first batch built
/// ("分领域建立…首批打造六大类特色开放式的组织生活基地" — the report does not name the six, so these are a choice, made here and
/// in openapi.json's SiteKind, after the sites it does name: 红色资源, 物业党建联合体, 志愿者服务中心, 医院党员之家), a party–mass
/// service station (党群服务站) or a liaison station (联络站). Wire names are stable.
/// </summary>
public enum SiteKind
{
    /// <summary>红色文化基地: red heritage and the city's culture (挖掘红色资源，紧扣城市文化).</summary>
    RedCultureBase,

    /// <summary>理论学习基地.</summary>
    TheoryStudyBase,

    /// <summary>志愿服务基地 (281志愿者服务中心).</summary>
    VolunteerServiceBase,

    /// <summary>红色物业基地 (博文物业党建联合体).</summary>
    RedPropertyBase,

    /// <summary>党员之家 of a unit (长春骨伤医院党员之家).</summary>
    PartyMembersHomeBase,

    /// <summary>非公企业党建基地.</summary>
    EnterprisePartyBase,

    /// <summary>党群服务站 (九台农商党群服务站): counted as servicesStations in the statistics.</summary>
    ServiceStation,

    /// <summary>联络站.</summary>
    LiaisonStation,
}

public static class SiteKindNames
{
    public static string Chinese(this SiteKind kind) => kind switch
    {
        SiteKind.RedCultureBase => "红色文化基地",
        SiteKind.TheoryStudyBase => "理论学习基地",
        SiteKind.VolunteerServiceBase => "志愿服务基地",
        SiteKind.RedPropertyBase => "红色物业基地",
        SiteKind.PartyMembersHomeBase => "党员之家",
        SiteKind.EnterprisePartyBase => "非公企业党建基地",
        SiteKind.ServiceStation => "党群服务站",
        _ => "联络站",
    };

    /// <summary>One of the six organisation-life base kinds (not a station).</summary>
    public static bool IsBase(this SiteKind kind) => kind is not (SiteKind.ServiceStation or SiteKind.LiaisonStation);
}
