using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Sites;

namespace RedYifang.Rules.Tests.Sites;

/// <summary>What <c>POST /v1/sites</c> and <c>PATCH /v1/sites/{id}</c> refuse before reading anything: each rule names its field.</summary>
public sealed class SiteValidationTests
{
    private static CreateSite.Request Valid() => new()
    {
        OwnerOrgId = "org_s1", Kind = "serviceStation", Name = "博览社区党群服务站", Address = "博览路1号", FloorAreaM2 = 120.55m, Capacity = 60,
        OpeningHours = new() { ["mon"] = "08:00-20:00", ["sat"] = "09:00-12:00" }, SharedUse = true, Facilities = ["会议室", " 投影仪 ", "会议室"],
    };

    private static Dictionary<string, string[]> Errors(Action validate) =>
        Assert.Throws<ValidationFailedException>(validate).Errors!.ToDictionary(e => e.Key, e => e.Value.Select(m => m.En).ToArray());

    [Fact]
    public void A_valid_request_becomes_the_new_site_with_its_facilities_trimmed_and_each_once()
    {
        var draft = CreateSite.Validate(Valid());

        Assert.Equal((SiteKind.ServiceStation, 120.55m, 60, true), (draft.Kind, draft.FloorAreaM2, draft.Capacity, draft.SharedUse));
        Assert.Equal(["会议室", "投影仪"], draft.Facilities);
        Assert.Equal(["mon", "sat"], draft.Hours.ToText().Keys);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("120.555")]
    [InlineData("0.001")]
    [InlineData("1000000.01")]
    public void The_floor_area_is_above_0_with_at_most_two_decimals(string area) =>
        Assert.Equal(["must be above 0, at most 1000000, with at most two decimals (m²)"], Errors(() => CreateSite.Validate(
            Valid() with { FloorAreaM2 = decimal.Parse(area, System.Globalization.CultureInfo.InvariantCulture) }))["floorAreaM2"]);

    [Fact]
    public void Every_field_is_named()
    {
        var errors = Errors(() => CreateSite.Validate(new CreateSite.Request { Kind = "park", Capacity = 0, Facilities = [" "] }));

        Assert.Equal(["address", "capacity", "facilities[0]", "floorAreaM2", "kind", "name", "openingHours", "ownerOrgId", "sharedUse"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("must be one of: redCultureBase, theoryStudyBase, volunteerServiceBase, redPropertyBase", errors["kind"][0]);
    }

    [Fact]
    public void An_edit_names_the_version_it_read_changes_something_and_never_the_kind_or_owner()
    {
        var edit = EditSite.Validate(new EditSite.Request { FloorAreaM2 = 80.5m, SharedUse = false }, "\"v3\"");
        Assert.Equal((80.5m, (bool?)false, (string?)null), (edit.FloorAreaM2, edit.SharedUse, edit.Name));

        Assert.Equal(["If-Match"], Errors(() => EditSite.Validate(new EditSite.Request { Capacity = 5 }, null)).Keys);
        Assert.Equal(["change at least one field"], Errors(() => EditSite.Validate(new EditSite.Request(), "\"v1\""))["body"]);
        var fixedFields = Errors(() => EditSite.Validate(new EditSite.Request { Kind = "serviceStation", OwnerOrgId = "org_x" }, "\"v1\""));
        Assert.Equal(["cannot be changed"], fixedFields["kind"]);
        Assert.Equal(["cannot be changed"], fixedFields["ownerOrgId"]);
        Assert.Equal(["is required"], Errors(() => EditSite.Validate(new EditSite.Request { Name = "  " }, "\"v1\""))["name"]);
    }

    [Fact]
    public void If_Match_matches_the_current_version_or_any()
    {
        var site = Sample.Site() with { Version = 3 };

        Assert.True(EditSite.Matches("\"v3\"", site));
        Assert.True(EditSite.Matches("\"v1\", \"v3\"", site));
        Assert.True(EditSite.Matches("*", site));
        Assert.False(EditSite.Matches("\"v2\"", site));
        Assert.False(EditSite.Matches("v3", site));
    }
}
