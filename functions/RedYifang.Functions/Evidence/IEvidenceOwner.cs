using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Evidence;

/// <summary>
/// What Evidence asks the feature that owns a kind of object evidence can prove (that feature implements it and registers
/// it): may this caller attach evidence to the object, and where does it go? Evidence never reads the owner's store.
/// </summary>
public interface IEvidenceOwner
{
    /// <summary>The kind of object this owner answers for.</summary>
    OwnerType Type { get; }

    /// <summary>
    /// Where the caller's evidence for the object goes; throws <c>NotFoundException</c> when the caller may not see the
    /// object (or there is none) and <c>ForbiddenException</c> when they see it but may not attach evidence to it.
    /// </summary>
    Task<OwnerPlacement> PlaceForChangeAsync(Caller caller, string ownerId, CancellationToken ct);

    /// <summary>May the caller list the object's evidence (false when there is no such object)?</summary>
    Task<bool> MayListAsync(Caller caller, string ownerId, CancellationToken ct);
}
