using RedYifang.Functions.PartyMembers;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Rules.Tests.PartyMembers;

/// <summary>What the report and points-rules bodies refuse, each naming its field (400 validation_failed).</summary>
public sealed class PartyMemberValidationTests
{
    private static string[] Refused(Action validate) =>
        [.. Assert.Throws<ValidationFailedException>(validate).Errors!.Keys.Order(StringComparer.Ordinal)];

    private static SubmitReport.Request Report(Func<SubmitReport.Request, SubmitReport.Request>? change = null)
    {
        var request = new SubmitReport.Request
        {
            CommunityId = "org_c", WorkUnitName = "长春某公司", Skills = ["理发", "维修"], ServiceCategories = ["repairs", "elderlyCare"],
        };
        return change?.Invoke(request) ?? request;
    }

    private static PutPointsRules.Request Rules(params (string Source, int? Points, int? Cap)[] sources) =>
        new(sources.ToDictionary(s => s.Source, s => (PutPointsRules.SourceRequest?)new PutPointsRules.SourceRequest(s.Points, s.Cap)));

    private static readonly (string, int?, int?)[] Valid = [("checkIn", 2, 20), ("attendance", 1, null), ("order", 5, 50)];

    [Fact]
    public void A_report_names_its_employer_once_at_most_ten_skills_and_some_categories_each_once()
    {
        var ok = SubmitReport.Validate(Report());
        Assert.Equal(("长春某公司", (string?)null, 2), (ok.WorkUnitName, ok.WorkUnitId, ok.Skills.Count));

        Assert.Equal(["workUnitId"], Refused(() => SubmitReport.Validate(Report(r => r with { WorkUnitName = null }))));
        Assert.Equal(["workUnitName"], Refused(() => SubmitReport.Validate(Report(r => r with { WorkUnitId = "org_u" }))));
        Assert.Equal(["skills"], Refused(() => SubmitReport.Validate(Report(r => r with
        {
            Skills = [.. Enumerable.Range(0, 11).Select(i => $"技能{i}")],
        }))));
        Assert.Equal(["skills[1]"], Refused(() => SubmitReport.Validate(Report(r => r with { Skills = ["理发", "理发"] }))));
        Assert.Equal(["skills[0]"], Refused(() => SubmitReport.Validate(Report(r => r with { Skills = [new string('长', 21)] }))));
        Assert.Equal(["serviceCategories"], Refused(() => SubmitReport.Validate(Report(r => r with { ServiceCategories = [] }))));
        Assert.Equal(["serviceCategories[1]"], Refused(() => SubmitReport.Validate(Report(r => r with
        {
            ServiceCategories = ["medical", "plumbing"],
        }))));
        Assert.Equal(["communityId", "gridId"], Refused(() =>
            SubmitReport.Validate(Report(r => r with { CommunityId = null, GridId = "x" }))));
    }

    [Fact]
    public void Rules_need_every_known_source_with_points_0_to_100_and_a_cap_0_to_10000_or_none()
    {
        var ok = PutPointsRules.Validate(Rules(Valid));
        Assert.Equal(new RuleSet(new SourceRule(2, 20), new SourceRule(1, null), new SourceRule(5, 50)), ok);

        Assert.Equal(["sources.checkIn.points"], Refused(() => PutPointsRules.Validate(Rules(("checkIn", -1, 20), Valid[1], Valid[2]))));
        Assert.Equal(["sources.checkIn.monthlyCap"], Refused(() => PutPointsRules.Validate(Rules(("checkIn", 2, -5), Valid[1], Valid[2]))));
        Assert.Equal(["sources.order.points"], Refused(() => PutPointsRules.Validate(Rules(Valid[0], Valid[1], ("order", 101, null)))));
        Assert.Equal(["sources.attendance.monthlyCap"], Refused(() =>
            PutPointsRules.Validate(Rules(Valid[0], ("attendance", 1, 10_001), Valid[2]))));
        Assert.Equal(["sources.volunteering"], Refused(() => PutPointsRules.Validate(Rules([.. Valid, ("volunteering", 1, null)]))));
        Assert.Equal(["sources.order"], Refused(() => PutPointsRules.Validate(Rules(Valid[0], Valid[1]))));
        Assert.Equal(["sources.attendance.points"], Refused(() =>
            PutPointsRules.Validate(Rules(Valid[0], ("attendance", null, 5), Valid[2]))));
        Assert.Equal(["sources"], Refused(() => PutPointsRules.Validate(new PutPointsRules.Request(null))));
    }

    [Theory]
    [InlineData("2026", 2026)]
    [InlineData("2000", 2000)]
    [InlineData("2200", 2200)]
    public void A_year_is_four_ascii_digits_from_2000_to_2200(string text, int year) => Assert.Equal(year, PutPointsRules.ParseYear(text));

    [Theory]
    [InlineData("1999")]
    [InlineData("2201")]
    [InlineData("26")]
    [InlineData("２０２６")]
    [InlineData("2026\n")]
    [InlineData("+202")]
    public void Other_years_are_refused_naming_year(string text) => Assert.Equal(["year"], Refused(() => PutPointsRules.ParseYear(text)));

    [Fact]
    public void If_match_takes_the_current_versions_etag_or_a_star_and_nothing_when_there_are_no_rules()
    {
        var v3 = new PointsRules
        {
            DistrictId = "org_d", Year = 2026, Version = 3, Sources = PutPointsRules.Validate(Rules(Valid)), SetBy = "usr_a",
            SetAt = default,
        };
        Assert.True(PutPointsRules.Matches("\"v3\"", v3));
        Assert.True(PutPointsRules.Matches("\"v1\", \"v3\"", v3));
        Assert.True(PutPointsRules.Matches("*", v3));
        Assert.False(PutPointsRules.Matches("\"v2\"", v3));
        Assert.False(PutPointsRules.Matches("*", null));
    }
}
