using System.ComponentModel.DataAnnotations;

namespace RedYifang.Functions.Funding;

/// <summary>
/// The figures of the seed report's 经费保障 (section <c>Funding</c>), as decimal strings of yuan: the district fund
/// (区财政“红驿舫”党建经费 200万元) and each street's yearly budget (街道每年投入 80万元) — the budgets an account starts from
/// until its admin sets one — and the co-building funds a unit party organisation is entitled to each year (每个党支部每年不少于
/// 1000元、每名党员每年 200元).
/// </summary>
public sealed class FundingOptions : IValidatableObject
{
    public const string SectionName = "Funding";

    public string DistrictFund { get; set; } = "2000000.00";
    public string StreetBudget { get; set; } = "800000.00";
    public string PerBranch { get; set; } = "1000.00";
    public string PerMember { get; set; } = "200.00";

    public Money DistrictFundAmount => Money.Parse(DistrictFund);
    public Money StreetBudgetAmount => Money.Parse(StreetBudget);
    public Money PerBranchAmount => Money.Parse(PerBranch);
    public Money PerMemberAmount => Money.Parse(PerMember);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in new[]
                 {
                     (nameof(DistrictFund), DistrictFund), (nameof(StreetBudget), StreetBudget), (nameof(PerBranch), PerBranch),
                     (nameof(PerMember), PerMember),
                 })
        {
            if (!Money.TryParse(value, out _)) yield return new ValidationResult($"{name} must be yuan with at most two places.", [name]);
        }
    }
}
