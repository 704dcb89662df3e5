using System.ComponentModel.DataAnnotations;

namespace RedYifang.Functions.Matching;

/// <summary>The weights of the suggestion factors (they must sum to 1) and how many suggestions to keep.</summary>
public sealed class MatchingOptions : IValidatableObject
{
    public const string Section = "Matching";

    [Range(0, 1)] public double CategoryWeight { get; set; } = 0.20;
    [Range(0, 1)] public double AreaWeight { get; set; } = 0.25;
    [Range(0, 1)] public double CapacityWeight { get; set; } = 0.15;
    [Range(0, 1)] public double AvailabilityWeight { get; set; } = 0.15;
    [Range(0, 1)] public double TrackRecordWeight { get; set; } = 0.15;
    [Range(0, 1)] public double FairnessWeight { get; set; } = 0.10;
    [Range(1, 50)] public int SuggestionsKept { get; set; } = 10;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var sum = CategoryWeight + AreaWeight + CapacityWeight + AvailabilityWeight + TrackRecordWeight + FairnessWeight;
        if (Math.Abs(sum - 1) > 1e-9) yield return new ValidationResult($"Matching weights must sum to 1 (they sum to {sum}).");
    }
}
