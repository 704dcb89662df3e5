using RedYifang.Functions.ContentSecurity;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Evidence;

/// <summary>Who may attach, see and check evidence (痕迹): every evidence rule, in one place.</summary>
public static class EvidencePolicy
{
    /// <summary>
    /// Reads an item: its uploader, admins over the object it proves or over the organisation whose archive holds it,
    /// and that organisation's liaison.
    /// </summary>
    public static bool MayRead(Caller caller, EvidenceRecord record) =>
        record.UploaderId == caller.UserId
        || caller.IsAdminOf(record.ScopePath)
        || caller.IsAdminOf(record.ChainOrgPath)
        || caller.IsLiaisonOf(record.ChainOrgId);

    /// <summary>
    /// Sees a photo content security holds or hid (ContentSecurity/ContentVisibility.cs): a held one its uploader and admins over
    /// its object or archive, a hidden one those admins only. Anyone else is answered as if it did not exist.
    /// </summary>
    public static bool SeesScreened(Caller caller, EvidenceRecord record) =>
        ContentVisibility.ShowsMedia(record.Moderation, record.UploaderId == caller.UserId,
            caller.IsAdminOf(record.ScopePath) || caller.IsAdminOf(record.ChainOrgPath));

    /// <summary>Commits an upload: its uploader only (anyone else is answered as if it did not exist).</summary>
    public static bool MayCommit(Caller caller, EvidenceRecord record) => record.UploaderId == caller.UserId;

    /// <summary>
    /// Attaches evidence to an object as the unit that served it, into the unit's archive: the unit's liaison (an order's matched
    /// unit; none before the match).
    /// </summary>
    public static bool AttachesAsProvider(Caller caller, string? providerUnitId) => caller.IsLiaisonOf(providerUnitId);

    /// <summary>Attaches evidence to an object into the archive of the organisation it belongs to: admins over that organisation.</summary>
    public static bool AttachesAsAdmin(Caller caller, IReadOnlyList<string> ownerPath) => caller.IsAdminOf(ownerPath);

    /// <summary>
    /// Attaches evidence to an organisation, lists its evidence and reads its trace archive: its admins (or admins above
    /// it) and its liaison.
    /// </summary>
    public static bool ActsFor(Caller caller, Org org) => caller.ActsFor(org.Path);

    /// <summary>Verifies an organisation's chain: admins over the organisation.</summary>
    public static bool MayVerifyTrace(Caller caller, Org org) => caller.IsAdminOf(org.Path);

    /// <summary>
    /// Streams documents in (multipart): admins, checked before the body is read; then <see cref="MayUploadDocumentTo"/>.
    /// </summary>
    public static bool MayUploadDocuments(Caller caller) => caller.Roles.Any(r => r.Role.IsAdmin());

    /// <summary>
    /// Streams a document in for an object: an admin over the object or over the organisation whose archive will hold
    /// it (an admin role elsewhere does not let a liaison stream documents in for its own unit).
    /// </summary>
    public static bool MayUploadDocumentTo(Caller caller, OwnerPlacement placement) =>
        caller.IsAdminOf(placement.ScopePath) || caller.IsAdminOf(placement.ChainOrgPath);
}
