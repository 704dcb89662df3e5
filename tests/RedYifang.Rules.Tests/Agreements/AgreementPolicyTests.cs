using RedYifang.Functions.Agreements;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Security;
using RedYifang.Rules.Tests.Policies;
using static RedYifang.Rules.Tests.Policies.World;

namespace RedYifang.Rules.Tests.Agreements;

/// <summary>
/// AgreementPolicy against issue 15 and api.md: an agreement is seen by its parties (admins over the party organisation or
/// over the unit, and the unit's liaisons) and by nobody else; the party organisation's admins write, sign and terminate it;
/// only the liaison it names countersigns, and only while they hold the unit's liaison role. In World's tree: s1 with u1
/// (a unit of the street), c11 with u4 (a unit hung under the community), c12 a sibling community of s1.
/// </summary>
public sealed class AgreementPolicyTests
{
    private const string SecondLiaisonU1 = "another liaison of u1 (not named)";
    private const string NamedLiaisonRevoked = "u1's named liaison, role revoked";

    private static readonly IReadOnlyDictionary<string, Caller> Everyone = new Dictionary<string, Caller>(Callers)
    {
        [SecondLiaisonU1] = Person("l2-u1", (Role.Liaison, U1)),
        [NamedLiaisonRevoked] = Person(Id(LiaisonU1)),
    };

    private static Agreement Of(Org party, Org unit) => Agreement.Create(
        new NewAgreement
        {
            PartyOrgId = party.Id, UnitId = unit.Id, Term = new AgreementTerm(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)),
            LiaisonUserId = Id(LiaisonU1), Commitments = [new Commitment(Category.Medical, CommitmentKind.Service, 4, null, null)],
        },
        "cba_1", party.Path, unit.Path, Id(StreetAdminS1), At).Agreement;

    /// <summary>Street s1 with its unit u1.</summary>
    private static readonly Agreement S1U1 = Of(S1, U1);

    /// <summary>Community c12 with u1, a unit of its street hung under the street (not under c12).</summary>
    private static readonly Agreement C12U1 = Of(C12, U1);

    /// <summary>Community c11 with u4, a unit hung under c11.</summary>
    private static readonly Agreement C11U4 = Of(C11, U4);

    private static readonly string[] LiaisonsOfU1 = [LiaisonU1, SecondLiaisonU1];

    private static readonly PolicyMatrix Matrix = new PolicyMatrix(typeof(AgreementPolicy), Everyone)
        .Allow(nameof(AgreementPolicy.MayRead), "s1 with u1", c => AgreementPolicy.MayRead(c, S1U1), [.. AdminsOverS1, .. LiaisonsOfU1])
        .Allow(
            nameof(AgreementPolicy.MayRead),
            "c12 with u1 (a unit of the street)",
            c => AgreementPolicy.MayRead(c, C12U1),
            [CommunityAdminC12, .. AdminsOverS1, .. LiaisonsOfU1])
        .Allow(nameof(AgreementPolicy.MayRead), "c11 with u4 (a unit under c11)", c => AgreementPolicy.MayRead(c, C11U4), AdminsOverC11)
        .Allow(nameof(AgreementPolicy.MayCreateFor), "street s1", c => AgreementPolicy.MayCreateFor(c, S1.Path), AdminsOverS1)
        .Allow(nameof(AgreementPolicy.MayCreateFor), "community c11", c => AgreementPolicy.MayCreateFor(c, C11.Path), AdminsOverC11)

        // Signing and terminating speak for the party organisation: an admin over the unit alone does not (c12 with u1: the
        // street's admins are over both; c12's admin over the party organisation only).
        .Allow(nameof(AgreementPolicy.MaySign), "s1 with u1", c => AgreementPolicy.MaySign(c, S1U1), AdminsOverS1)
        .Allow(
            nameof(AgreementPolicy.MaySign),
            "c12 with u1 (a unit of the street)",
            c => AgreementPolicy.MaySign(c, C12U1),
            [CommunityAdminC12, .. AdminsOverS1])
        .Allow(nameof(AgreementPolicy.MayTerminate), "s1 with u1", c => AgreementPolicy.MayTerminate(c, S1U1), AdminsOverS1)
        .Allow(
            nameof(AgreementPolicy.MayTerminate),
            "c11 with u4 (a unit under c11)",
            c => AgreementPolicy.MayTerminate(c, C11U4),
            AdminsOverC11)

        // The named liaison, while they hold the role; not another liaison of the unit, nor any admin.
        .Allow(nameof(AgreementPolicy.MayCountersign), "s1 with u1", c => AgreementPolicy.MayCountersign(c, S1U1), [LiaisonU1])
        .Allow(
            nameof(AgreementPolicy.MayCountersign),
            "c11 with u4, naming u1's liaison",
            c => AgreementPolicy.MayCountersign(c, C11U4),
            [])

        .Allow(nameof(AgreementPolicy.MayList), "unit u1", c => AgreementPolicy.MayList(c, U1.Path), [.. AdminsOverS1, .. LiaisonsOfU1])
        .Allow(nameof(AgreementPolicy.MayList), "community c11", c => AgreementPolicy.MayList(c, C11.Path), AdminsOverC11)
        .Allow(nameof(AgreementPolicy.MayListExpiring), "unit u1", c => AgreementPolicy.MayListExpiring(c, U1.Path), AdminsOverS1)
        .Allow(nameof(AgreementPolicy.MayListExpiring), "street s1", c => AgreementPolicy.MayListExpiring(c, S1.Path), AdminsOverS1)

        // The signed document: the party organisation's admins into its archive, the unit's liaisons into the unit's.
        .Allow(
            nameof(AgreementPolicy.AttachesForPartyOrg),
            "c12 with u1 (a unit of the street)",
            c => AgreementPolicy.AttachesForPartyOrg(c, C12U1),
            [CommunityAdminC12, .. AdminsOverS1])
        .Allow(
            nameof(AgreementPolicy.AttachesForUnit),
            "c12 with u1 (a unit of the street)",
            c => AgreementPolicy.AttachesForUnit(c, C12U1),
            LiaisonsOfU1);

    public static TheoryData<string, string, string, bool> Cases => Matrix.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides_as_documented(string method, string scope, string caller, bool expected) =>
        Assert.Equal(expected, Matrix.Decide(method, scope, caller));

    [Fact]
    public void Every_public_method_has_rows() => Assert.Equal(Matrix.PublicMethods.Order(), Matrix.MethodsWithRows.Order());
}
