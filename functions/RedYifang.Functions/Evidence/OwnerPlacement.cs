namespace RedYifang.Functions.Evidence;

/// <summary>Where a piece of evidence belongs: the scope that may see it and the organisation whose trace archive holds it.</summary>
/// <param name="PhotosPerUploader">
/// When set, the caller attaches only photos, at most this many to the object (a resident's photos on their own order); those
/// rejected, failed or whose ticket lapsed unused do not count.
/// </param>
public sealed record OwnerPlacement(
    IReadOnlyList<string> ScopePath,
    string ChainOrgId,
    IReadOnlyList<string> ChainOrgPath,
    int? PhotosPerUploader = null);
