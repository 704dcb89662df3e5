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

    /// <summary>The object takes no more photos from this uploader (a resident's order: 9).</summary>
    public static RuleViolationException TooManyPhotos(int most) =>
        new("too_many_photos",
            new("照片数量已达上限", "No more photos may be attached"),
            new LocalizedText("每人最多为该对象上传 {0} 张照片。", "At most {0} photos per person may be attached to this object.").Format(most),
            new Dictionary<string, IReadOnlyList<LocalizedText>> {
                ["ownerId"] = [new LocalizedText("已有 {0} 张照片", "has {0} photos already").Format(most)] });
}
