using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Rules.Tests.Platform.Http;

public sealed class ValidatorTests
{
    [Fact]
    public void Collects_every_field_error_before_refusing()
    {
        var v = new Validator();
        Assert.Null(v.Text("name", "   ", 10));
        v.Text("address", new string('路', 11), 10, required: false);
        v.OneOf<OrgKind>("kind", "province");
        v.Range("partyMembers", -1, 0, 10, required: false);

        var problem = Assert.Throws<ValidationFailedException>(v.ThrowIfInvalid);

        Assert.Equal("validation_failed", problem.Code);
        Assert.Equal("validation_failed", problem.Code);
        Assert.Equal(["address", "kind", "name", "partyMembers"], problem.Errors!.Keys.Order());
        Assert.Contains("volunteerTeam", problem.Errors["kind"][0].En);
    }

    [Fact]
    public void Trims_text_and_refuses_control_characters()
    {
        var v = new Validator();
        Assert.Equal("博览社区", v.Text("name", "  博览社区 ", 10));
        Assert.True(v.IsValid);
        v.Text("name", "a\u0000b", 10);
        Assert.False(v.IsValid);
    }

    [Theory]
    [InlineData("org_abc-123", true, "org_abc-123", null)]
    [InlineData("org_abc-123\n", true, null, "不是有效的标识")]     // never trimmed into the id
    [InlineData(" org_abc-123", true, null, "不是有效的标识")]
    [InlineData("ABC", true, null, "不是有效的标识")]                 // not an id this app issues
    [InlineData("   ", true, null, "必填")]
    [InlineData(null, true, null, "必填")]
    [InlineData(null, false, null, null)]
    [InlineData("", false, null, null)]
    public void Ids_are_taken_as_sent_and_only_when_well_formed(string? sent, bool required, string? read, string? error)
    {
        var v = new Validator();
        Assert.Equal(read, v.Id("ownerId", sent, required));
        if (error is null)
        {
            Assert.True(v.IsValid);
            return;
        }
        var problem = Assert.Throws<ValidationFailedException>(v.ThrowIfInvalid);
        Assert.Equal(error, Assert.Single(problem.Errors!["ownerId"]).Zh);
    }

    [Fact]
    public void Enums_are_matched_exactly_in_camel_case()
    {
        Assert.True(EnumText.TryParse<OrgKind>("volunteerTeam", out var kind));
        Assert.Equal(OrgKind.VolunteerTeam, kind);
        Assert.False(EnumText.TryParse<OrgKind>("VolunteerTeam", out _));
        Assert.False(EnumText.TryParse<OrgKind>("1", out _));
    }
}
