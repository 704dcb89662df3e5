using RedYifang.Functions.Matching;
using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Resources;

namespace RedYifang.Rules.Tests.Resources;

/// <summary>Resources/EditResource.cs and Resource.Edit: what an edit changes, how it is validated and what Matching hears.</summary>
public sealed class ResourceEditTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);

    private static readonly Resource Published = new()
    {
        Id = "res_1", UnitId = "org_u", UnitPath = ["d1", "s1", "org_u"], Title = "陪护", Category = Category.ElderlyCare,
        Description = "d", Kind = ResourceKind.Service, AreaIds = ["c1", "c2"], MonthlyCapacity = 5, ValidFrom = new DateOnly(2026, 1, 1),
        ValidTo = new DateOnly(2026, 12, 31), State = ResourceState.Published, CreatedAt = T0, UpdatedAt = T0, Version = 2,
    };

    [Fact]
    public void An_edit_replaces_only_the_fields_given_counts_a_version_and_names_the_areas_it_took_away()
    {
        var change = Published.Edit(new ResourceEdit { AreaIds = ["c2", "c3"], MonthlyCapacity = 2 }, T0.AddHours(1));

        Assert.Equal((3, "\"v3\"", 2, "d"), (change.Resource.Version, change.Resource.ETag, change.Resource.MonthlyCapacity,
            change.Resource.Description));
        Assert.Equal(["c2", "c3"], change.Resource.AreaIds);
        Assert.Equal(("edit", T0.AddHours(1)), (change.Event.Reason, change.Event.At));
        Assert.Equal(["c1"], change.Event.FormerAreaIds);
        var request = Assert.IsType<MatchRequest>(Assert.Single(new MatchingTranslator().Translate(change.Event)).Body);
        Assert.Equal(("resource", "res_1", "edit"), (request.Kind, request.Id, request.Reason));
        Assert.Equal(["c1"], request.FormerAreaIds!);
    }

    [Fact]
    public void A_state_change_counts_a_version_too_and_takes_no_area_away()
    {
        var change = Published.Apply(ResourceAction.Pause, T0.AddHours(1));

        Assert.Equal(3, change.Resource.Version);
        var request = Assert.IsType<MatchRequest>(Assert.Single(new MatchingTranslator().Translate(change.Event)).Body);
        Assert.Null(request.FormerAreaIds);
    }

    [Fact]
    public void The_request_needs_If_Match_and_a_field_to_change_and_refuses_fixed_fields()
    {
        var none = Assert.Throws<ValidationFailedException>(() => EditResource.Validate(new EditResource.Request(), null));
        Assert.Equal(["If-Match"], none.Errors!.Keys);
        var empty = Assert.Throws<ValidationFailedException>(() => EditResource.Validate(new EditResource.Request(), "*"));
        Assert.Equal(["body"], empty.Errors!.Keys);
        var fixedFields = Assert.Throws<ValidationFailedException>(() =>
            EditResource.Validate(new EditResource.Request { UnitId = "org_x", Kind = "funds", MonthlyCapacity = 0 }, "\"v1\""));
        Assert.Equal(["kind", "monthlyCapacity", "unitId"], fixedFields.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new ResourceEdit { Tags = ["理财"] }.Tags, EditResource.Validate(new EditResource.Request { Tags = ["理财"] }, "*").Tags);
        Assert.True(EditResource.Matches("\"v1\", \"v2\"", Published));
        Assert.False(EditResource.Matches("\"v1\"", Published));
    }
}
