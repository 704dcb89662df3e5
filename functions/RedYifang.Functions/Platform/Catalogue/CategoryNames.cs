namespace RedYifang.Functions.Platform.Catalogue;

public static class CategoryNames
{
    public static string Chinese(this Category category) => category switch
    {
        Category.Medical => "医疗健康",
        Category.LegalAid => "法律援助",
        Category.Financial => "金融服务",
        Category.ElderlyCare => "养老助老",
        Category.Disability => "助残服务",
        Category.ChildrenEducation => "儿童教育",
        Category.CultureSport => "文体活动",
        Category.Environment => "环境卫生",
        Category.Employment => "就业创业",
        Category.Repairs => "维修服务",
        Category.Psychological => "心理关爱",
        _ => "其他",
    };
}
