using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Evidence;

/// <summary>The problems only evidence raises.</summary>
public static class EvidenceProblems
{
    public static RuleViolationException OwnerNotSupported() =>
        new("owner_not_supported",
            new("暂不支持该类对象的痕迹材料", "Evidence for this kind of object is not supported yet"),
            new("活动的痕迹将随活动功能上线。", "Evidence for activities comes with the activities feature."),
            new Dictionary<string, IReadOnlyList<LocalizedText>> { ["ownerType"] = [new("暂不支持", "is not supported yet")] });
}
