using RedYifang.Functions.ContentSecurity;
using RedYifang.Functions.Evidence;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Security;
using static RedYifang.Rules.Tests.Policies.World;

namespace RedYifang.Rules.Tests.Policies;

/// <summary>
/// EvidencePolicy against api.md ("Evidence") and domain.md ("Activities and traces"): evidence is read by its uploader
/// and those in scope of the object it proves or of the archive that holds it; only the uploader commits; documents are
/// streamed in by admins over the object or the archive. Besides the common callers, one caller holds two roles: the
/// liaison of u1 who is also community admin of c21, whose admin role elsewhere must not widen what it does for u1.
/// </summary>
public sealed class EvidencePolicyTests
{
    private const string LiaisonU1AdminC21 = "liaison of u1 who is community admin of c21";

    private static readonly Dictionary<string, Caller> EvidenceCallers = new(Callers)
    {
        [LiaisonU1AdminC21] = Person("l-u1-ca-c21", (Role.Liaison, U1), (Role.CommunityAdmin, C21)),
    };

    /// <summary>u1's liaison's photo of its work on the c11 order, in u1's archive.</summary>
    private static readonly EvidenceRecord ProviderPhoto =
        Record("evd-1", OwnerType.Order, MatchedToU1.Id, C11.Path, U1, LiaisonU1, EvidenceKind.Photo);

    /// <summary>c11's admin's acceptance report on the same order, in c11's archive.</summary>
    private static readonly EvidenceRecord AdminDocument =
        Record("evd-2", OwnerType.Order, MatchedToU1.Id, C11.Path, C11, CommunityAdminC11, EvidenceKind.Document);

    /// <summary>u3's liaison's photo of its work on a c11 order: the order is in s1, the archive in s2.</summary>
    private static readonly EvidenceRecord CrossStreetPhoto =
        Record("evd-3", OwnerType.Order, MatchedToU3.Id, C11.Path, U3, LiaisonU3, EvidenceKind.Photo);

    /// <summary>u2's liaison's photo for u2's own archive.</summary>
    private static readonly EvidenceRecord UnitPhoto = Record("evd-4", OwnerType.Org, U2.Id, U2.Path, U2, LiaisonU2, EvidenceKind.Photo);

    private static readonly PolicyMatrix Matrix = new PolicyMatrix(typeof(EvidencePolicy), EvidenceCallers)

        // Reading one item. Left out: the order's owner on every order item, and the provider on the community's
        // document: they may list the order's evidence (whoever may read the order: Orders/OrderEvidenceOwner.cs), with
        // read URLs, but the single read refuses them.
        .Allow(
            nameof(EvidencePolicy.MayRead),
            "u1's photo on the order in c11",
            c => EvidencePolicy.MayRead(c, ProviderPhoto),
            [LiaisonU1, LiaisonU1AdminC21, .. AdminsOverC11],
            leftOut: [Owner])
        .Allow(
            nameof(EvidencePolicy.MayRead),
            "c11's document on the order in c11",
            c => EvidencePolicy.MayRead(c, AdminDocument),
            AdminsOverC11,
            leftOut: [Owner, LiaisonU1, LiaisonU1AdminC21])
        .Allow(
            nameof(EvidencePolicy.MayRead),
            "u3's photo on the order in c11",
            c => EvidencePolicy.MayRead(c, CrossStreetPhoto),
            [LiaisonU3, StreetAdminS2, .. AdminsOverC11],
            leftOut: [Owner])
        .Allow(
            nameof(EvidencePolicy.MayRead),
            "u2's photo in its own archive",
            c => EvidencePolicy.MayRead(c, UnitPhoto),
            [LiaisonU2, .. AdminsOverS1])

        // Committing: the uploader alone, not even an admin over the object nor another holder of the same role.
        .Allow(
            nameof(EvidencePolicy.MayCommit),
            "u1's photo on the order in c11",
            c => EvidencePolicy.MayCommit(c, ProviderPhoto),
            [LiaisonU1])
        .Allow(
            nameof(EvidencePolicy.MayCommit),
            "c11's document on the order in c11",
            c => EvidencePolicy.MayCommit(c, AdminDocument),
            [CommunityAdminC11])
        .Allow(
            nameof(EvidencePolicy.AttachesAsProvider),
            "order in c11 matched to u1",
            c => EvidencePolicy.AttachesAsProvider(c, MatchedToU1.UnitId),
            [LiaisonU1, LiaisonU1AdminC21])
        .Allow(
            nameof(EvidencePolicy.AttachesAsProvider),
            "order in c11 matched to u3",
            c => EvidencePolicy.AttachesAsProvider(c, MatchedToU3.UnitId),
            [LiaisonU3])
        .Allow(
            nameof(EvidencePolicy.AttachesAsProvider),
            "published order in c11, no unit yet",
            c => EvidencePolicy.AttachesAsProvider(c, Published.UnitId),
            [])
        .Allow(
            nameof(EvidencePolicy.AttachesAsAdmin),
            "order in c11 matched to u1",
            c => EvidencePolicy.AttachesAsAdmin(c, MatchedToU1.CommunityPath),
            AdminsOverC11)
        .Allow(
            nameof(EvidencePolicy.AttachesAsAdmin),
            "order in c11 matched to u3",
            c => EvidencePolicy.AttachesAsAdmin(c, MatchedToU3.CommunityPath),
            AdminsOverC11)
        .Allow(
            nameof(EvidencePolicy.ActsFor),
            "unit u1 under street s1",
            c => EvidencePolicy.ActsFor(c, U1),
            [LiaisonU1, LiaisonU1AdminC21, .. AdminsOverS1])
        .Allow(nameof(EvidencePolicy.ActsFor), "unit u3 under street s2", c => EvidencePolicy.ActsFor(c, U3), [LiaisonU3, .. AdminsOverS2])
        .Allow(nameof(EvidencePolicy.ActsFor), "unit u4 under community c11", c => EvidencePolicy.ActsFor(c, U4), AdminsOverC11)
        .Allow(nameof(EvidencePolicy.ActsFor), "community c11", c => EvidencePolicy.ActsFor(c, C11), AdminsOverC11)
        .Allow(nameof(EvidencePolicy.MayVerifyTrace), "unit u1 under street s1", c => EvidencePolicy.MayVerifyTrace(c, U1), AdminsOverS1)
        .Allow(nameof(EvidencePolicy.MayVerifyTrace), "unit u3 under street s2", c => EvidencePolicy.MayVerifyTrace(c, U3), AdminsOverS2)
        .Allow(nameof(EvidencePolicy.MayVerifyTrace), "community c11", c => EvidencePolicy.MayVerifyTrace(c, C11), AdminsOverC11)

        // Photos content security holds or hid (ContentSecurity/ContentVisibility.cs): one being checked, or passed, is everyone's
        // who may read it otherwise; one held for review its uploader's and the admins' over its object or archive; a hidden one
        // those admins' only, its uploader left out.
        .Allow(
            nameof(EvidencePolicy.SeesScreened),
            "u1's photo being checked",
            c => EvidencePolicy.SeesScreened(c, ProviderPhoto with { Moderation = new(ScreeningState.Checking) }),
            [.. EvidenceCallers.Keys])
        .Allow(
            nameof(EvidencePolicy.SeesScreened),
            "u1's photo held for review",
            c => EvidencePolicy.SeesScreened(c, ProviderPhoto with { Moderation = new(ScreeningState.Pending, ScreeningReason.Review) }),
            [LiaisonU1, .. AdminsOverC11],
            leftOut: [Owner])
        .Allow(
            nameof(EvidencePolicy.SeesScreened),
            "u1's photo hidden",
            c => EvidencePolicy.SeesScreened(c, ProviderPhoto with { Moderation = new(ScreeningState.Hidden, ScreeningReason.Risky) }),
            AdminsOverC11,
            leftOut: [LiaisonU1, Owner])
        .Allow(
            nameof(EvidencePolicy.SeesScreened),
            "u3's photo hidden (archive in s2)",
            c => EvidencePolicy.SeesScreened(c, CrossStreetPhoto with { Moderation = new(ScreeningState.Hidden, ScreeningReason.Risky) }),
            [StreetAdminS2, .. AdminsOverC11],
            leftOut: [LiaisonU3])

        // Streaming documents: any admin passes the check made before the body is read; the placement decides.
        .Allow(
            nameof(EvidencePolicy.MayUploadDocuments),
            "any object (checked before the body)",
            EvidencePolicy.MayUploadDocuments,
            [.. AnyAdmin, LiaisonU1AdminC21])
        .Allow(
            nameof(EvidencePolicy.MayUploadDocumentTo),
            "order in c11, into c11's archive",
            c => EvidencePolicy.MayUploadDocumentTo(c, new OwnerPlacement(C11.Path, C11.Id, C11.Path)),
            AdminsOverC11)
        .Allow(
            nameof(EvidencePolicy.MayUploadDocumentTo),
            "order in c11, into u3's archive",
            c => EvidencePolicy.MayUploadDocumentTo(c, new OwnerPlacement(C11.Path, U3.Id, U3.Path)),
            [StreetAdminS2, .. AdminsOverC11])
        .Allow(
            nameof(EvidencePolicy.MayUploadDocumentTo),
            "unit u1, into its own archive",
            c => EvidencePolicy.MayUploadDocumentTo(c, new OwnerPlacement(U1.Path, U1.Id, U1.Path)),
            AdminsOverS1);

    public static TheoryData<string, string, string, bool> Cases => Matrix.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides_as_documented(string method, string scope, string caller, bool expected) =>
        Assert.Equal(expected, Matrix.Decide(method, scope, caller));

    [Fact]
    public void Every_public_method_has_rows() => Assert.Equal(Matrix.PublicMethods.Order(), Matrix.MethodsWithRows.Order());

    private static EvidenceRecord Record(
        string id,
        OwnerType ownerType,
        string ownerId,
        IReadOnlyList<string> scopePath,
        Org archive,
        string uploader,
        EvidenceKind kind) => new()
    {
        Id = id,
        OwnerType = ownerType,
        OwnerId = ownerId,
        ScopePath = scopePath,
        ChainOrgId = archive.Id,
        ChainOrgPath = archive.Path,
        UploaderId = Id(uploader),
        Kind = kind,
        FileName = kind == EvidenceKind.Photo ? "work.jpg" : "acceptance.pdf",
        ContentType = kind == EvidenceKind.Photo ? "image/jpeg" : "application/pdf",
        Size = 1024,
        UploadSha256 = new string('a', 64),
        State = EvidenceState.Verified,
        CreatedAt = At,
    };
}
