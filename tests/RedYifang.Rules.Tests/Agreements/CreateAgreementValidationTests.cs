using RedYifang.Functions.Agreements;
using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Rules.Tests.Agreements;

/// <summary>What <c>POST /v1/agreements</c> refuses before it reads anything, each refusal naming its field.</summary>
public sealed class CreateAgreementValidationTests
{
    private static readonly CreateAgreement.Request Valid = new()
    {
        PartyOrgId = "org_s1", UnitId = "org_u1", TermFrom = "2026-01-01", TermTo = "2026-12-31", LiaisonUserId = "usr_l1",
        Commitments =
        [
            new CreateAgreement.CommitmentRequest("medical", "service", 4, null, "义诊"),
            new CreateAgreement.CommitmentRequest("medical", "funds", null, "1000.50", null),
        ],
    };

    private static Dictionary<string, string[]> Errors(CreateAgreement.Request request)
    {
        var problem = Assert.Throws<ValidationFailedException>(() => CreateAgreement.Validate(request));
        Assert.Equal("validation_failed", problem.Code);
        return problem.Errors!.ToDictionary(e => e.Key, e => e.Value.Select(m => m.En).ToArray());
    }

    private static CreateAgreement.CommitmentRequest Service(int? target, string category = "medical", string? amount = null) =>
        new(category, "service", target, amount, null);

    [Fact]
    public void A_valid_request_reads_as_a_draft()
    {
        var draft = CreateAgreement.Validate(Valid);

        Assert.Equal(("org_s1", "org_u1", "usr_l1"), (draft.PartyOrgId, draft.UnitId, draft.LiaisonUserId));
        Assert.Equal(new AgreementTerm(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)), draft.Term);
        Assert.Equal(
            [
                new Commitment(Category.Medical, CommitmentKind.Service, 4, null, "义诊"),
                new Commitment(Category.Medical, CommitmentKind.Funds, null, 1000.50m, null),
            ],
            draft.Commitments);
    }

    [Fact]
    public void Missing_fields_are_each_named() =>
        Assert.Equal(
            ["commitments", "liaisonUserId", "partyOrgId", "termFrom", "termTo", "unitId"],
            Errors(new CreateAgreement.Request()).Keys.Order());

    [Theory]
    [InlineData("2026-12-31", "2026-12-31", "termTo", "must be after termFrom")]
    [InlineData("2026-12-31", "2026-01-01", "termTo", "must be after termFrom")]
    [InlineData("2026-01-01", "2031-01-02", "termTo", "the term is at most 5 years")]
    [InlineData("2026-1-1", "2026-12-31", "termFrom", "must be YYYY-MM-DD (years 2000–2200)")]
    [InlineData("2026-01-01", "2026-02-30", "termTo", "must be YYYY-MM-DD (years 2000–2200)")]
    [InlineData("1999-01-01", "2026-02-01", "termFrom", "must be YYYY-MM-DD (years 2000–2200)")]
    public void The_term_is_two_dates_the_second_after_the_first(string from, string to, string field, string message) =>
        Assert.Equal(new Dictionary<string, string[]> { [field] = [message] }, Errors(Valid with { TermFrom = from, TermTo = to }));

    [Fact]
    public void A_term_of_exactly_five_years_is_allowed() =>
        Assert.Equal(new DateOnly(2031, 1, 1), CreateAgreement.Validate(Valid with { TermTo = "2031-01-01" }).Term.To);

    [Fact]
    public void Identifiers_must_be_ids_this_system_issues() =>
        Assert.Equal(["liaisonUserId", "partyOrgId", "unitId"],
            Errors(Valid with { PartyOrgId = "s1/../x", UnitId = "u 1", LiaisonUserId = "usr_#" }).Keys.Order());

    [Fact]
    public void One_to_twenty_commitments()
    {
        Assert.Equal(["needs 1–20 commitments"], Errors(Valid with { Commitments = [] })["commitments"]);
        var twentyOne = Enumerable.Range(0, 21).Select(_ => Service(1)).ToList<CreateAgreement.CommitmentRequest?>();
        Assert.Equal(["needs 1–20 commitments"], Errors(Valid with { Commitments = twentyOne })["commitments"]);
        var twenty = Enum.GetNames<Category>().Take(10).SelectMany(c => new CreateAgreement.CommitmentRequest?[]
        {
            Service(1, System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(c)),
            new(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(c), "funds", null, "1", null),
        }).ToList();
        Assert.Equal(20, CreateAgreement.Validate(Valid with { Commitments = twenty }).Commitments.Count);
    }

    [Fact]
    public void Each_commitment_is_checked_by_its_kind_and_named_by_its_index()
    {
        var errors = Errors(Valid with
        {
            Commitments =
            [
                Service(0),                                                   // target below 1
                new("medical", "funds", 3, null, null),                       // funds: amount missing, target refused
                new("legalAid", "service", 2, "10.00", null),                 // service: amount refused
                new("legalAid", "funds", null, "10.005", null),               // three decimals
                new("repairs", "funds", null, "-1", null),
                new("repairs", "gift", 1, null, null),
                new("teleport", "service", 1, null, null),
                null,
            ],
        });

        Assert.Equal(
            new Dictionary<string, string[]>
            {
                ["commitments[0].target"] = ["must be between 1 and 10000"],
                ["commitments[1].amount"] = ["is required"],
                ["commitments[1].target"] = ["applies only to kind service"],
                ["commitments[2].amount"] = ["applies only to kind funds"],
                ["commitments[3].amount"] = ["must be yuan above 0 with at most two decimals, as \"1000.00\""],
                ["commitments[4].amount"] = ["must be yuan above 0 with at most two decimals, as \"1000.00\""],
                ["commitments[5].kind"] = ["must be one of: service, funds"],
                ["commitments[6].category"] = [$"must be one of: {string.Join(", ", EnumText.Names<Category>())}"],
                ["commitments[7]"] = ["is required"],
            },
            errors);
    }

    [Fact]
    public void One_commitment_per_category_and_kind_so_no_delivery_counts_twice() =>
        Assert.Equal(
            new Dictionary<string, string[]> { ["commitments[1].category"] = ["one commitment per category and kind"] },
            Errors(Valid with { Commitments = [Service(4), Service(2)] }));
}
