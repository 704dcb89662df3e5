using RedYifang.Functions.Sites;

namespace RedYifang.Rules.Tests.Sites;

/// <summary>A site of unit u (in community c of street s, district d) the rules tests vary.</summary>
internal static class Sample
{
    public static readonly IReadOnlyList<string> UnitPath = ["org_d", "org_s", "org_c", "org_u"];

    public static Site Site(bool shared = false) => new()
    {
        Id = "site_d-1", DistrictId = "org_d", StreetId = "org_s", OwnerOrgId = "org_u", OwnerPath = UnitPath,
        Kind = SiteKind.RedCultureBase, Name = "基地", Address = "路", FloorAreaM2 = 100m, Capacity = 10,
        OpeningHours = new Dictionary<string, string> { ["mon"] = "08:00-20:00" }, SharedUse = shared, Facilities = [], Version = 1,
        CreatedBy = "usr_a", CreatedAt = DateTimeOffset.UnixEpoch, UpdatedBy = "usr_a", UpdatedAt = DateTimeOffset.UnixEpoch,
    };
}
