using RedYifang.Functions.Activities;
using RedYifang.Functions.Platform.Problems;
using static RedYifang.Rules.Tests.Activities.ActivityWalk;

namespace RedYifang.Rules.Tests.Activities;

/// <summary>What <c>POST /v1/activities</c> refuses before reading anything: each rule names its field.</summary>
public sealed class CreateActivityValidationTests
{
    private static CreateActivity.Request Valid() => new()
    {
        OrganiserOrgId = "org_u1", Kind = "freeClinic", Title = "社区义诊", StartsAt = Start, EndsAt = End, Capacity = 30,
        AgreementId = "cba_1-x", CommitmentIndex = 0,
    };

    private static Dictionary<string, string[]> Errors(CreateActivity.Request request)
    {
        var refused = Assert.Throws<ValidationFailedException>(() => CreateActivity.Validate(request, T0));
        return refused.Errors!.ToDictionary(e => e.Key, e => e.Value.Select(m => m.En).ToArray());
    }

    [Fact]
    public void A_valid_request_becomes_the_new_activity()
    {
        var draft = CreateActivity.Validate(Valid(), T0);

        Assert.Equal((ActivityKind.FreeClinic, "社区义诊", Start, End, (int?)30, "cba_1-x", (int?)0),
            (draft.Kind, draft.Title, draft.StartsAt, draft.EndsAt, draft.Capacity, draft.AgreementId, draft.CommitmentIndex));
    }

    [Fact]
    public void The_end_is_after_the_start_and_at_most_24_hours_later()
    {
        Assert.Equal(["must be after startsAt"], Errors(Valid() with { EndsAt = Start })["endsAt"]);
        Assert.Equal(["the activity lasts at most 24 hours"], Errors(Valid() with { EndsAt = Start.AddHours(24).AddTicks(1) })["endsAt"]);
        Assert.Equal(Start.AddHours(24), CreateActivity.Validate(Valid() with { EndsAt = Start.AddHours(24) }, T0).EndsAt);
    }

    [Fact]
    public void Every_field_is_named()
    {
        var errors = Errors(new CreateActivity.Request { Kind = "picnic", Capacity = 0, CommitmentIndex = 20, SiteId = "site 1" });

        Assert.Equal(
            ["capacity", "commitmentIndex", "endsAt", "kind", "organiserOrgId", "siteId", "startsAt", "title"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("must be one of: themePartyDay, organisationLife, volunteerService", errors["kind"][0]);
        Assert.Contains("goes with agreementId", errors["commitmentIndex"]);
    }

    [Fact]
    public void An_agreement_needs_its_commitment_index_and_a_start_more_than_a_year_away_is_refused()
    {
        Assert.Equal(["is required"], Errors(Valid() with { CommitmentIndex = null })["commitmentIndex"]);
        Assert.Equal(["must be within a year of now"],
            Errors(Valid() with { StartsAt = T0.AddDays(367), EndsAt = T0.AddDays(367).AddHours(1) })["startsAt"]);
        Assert.Equal(["must be within a year of now"],
            Errors(Valid() with { StartsAt = T0.AddDays(-367), EndsAt = T0.AddDays(-367).AddHours(1) })["startsAt"]);
    }
}
