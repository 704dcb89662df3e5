using RedYifang.Functions.PartyMembers;
using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Security;
using RedYifang.Rules.Tests.Policies;
using static RedYifang.Rules.Tests.Policies.World;

namespace RedYifang.Rules.Tests.PartyMembers;

/// <summary>
/// PartyMemberPolicy against issue 15 and api.md: a report is the member's and the community's admins' (those above included);
/// they decide it, but never the member their own; district admins write their district's points rules; a ledger is read by
/// its member and the admins over a community they were approved in; a ranking by the community's admins and members; a
/// work unit's summary by its liaisons and the admins over it. In World's tree: c11 and c12 in s1, u1 a unit of s1.
/// </summary>
public sealed class PartyMemberPolicyTests
{
    private const string MemberC11 = "the reporting member (resident of c11)";

    private static readonly IReadOnlyDictionary<string, Caller> Everyone = new Dictionary<string, Caller>(Callers)
    {
        [MemberC11] = Person("member-c11"),
    };

    private static readonly PartyMemberReport ToC11 = PartyMemberReport.Submit(
        new NewReport { CommunityId = C11.Id, WorkUnitId = U1.Id, Skills = ["理发"], ServiceCategories = [Category.ElderlyCare] },
        "pmr_1", C11.Path, Everyone[MemberC11].UserId, At).Report;

    /// <summary>The community admin of c11 reports to c11 themselves: they may not decide their own report.</summary>
    private static readonly PartyMemberReport ByTheAdmin = ToC11 with { UserId = Id(CommunityAdminC11) };

    private static readonly string[] ReadersOfC11Report = [MemberC11, .. AdminsOverC11];

    private static readonly PolicyMatrix Matrix = new PolicyMatrix(typeof(PartyMemberPolicy), Everyone)
        .Allow(nameof(PartyMemberPolicy.MayRead), "a report to c11", c => PartyMemberPolicy.MayRead(c, ToC11), ReadersOfC11Report)
        .Allow(nameof(PartyMemberPolicy.MayDecide), "a report to c11", c => PartyMemberPolicy.MayDecide(c, ToC11), AdminsOverC11)
        .Allow(
            nameof(PartyMemberPolicy.MayDecide),
            "c11's admin's own report to c11",
            c => PartyMemberPolicy.MayDecide(c, ByTheAdmin),
            [StreetAdminS1, DistrictAdminD1, GlobalAdmin])
        .Allow(nameof(PartyMemberPolicy.MayListCommunity), "c11", c => PartyMemberPolicy.MayListCommunity(c, C11.Path), AdminsOverC11)
        .Allow(nameof(PartyMemberPolicy.MayWriteRules), "district d1", c => PartyMemberPolicy.MayWriteRules(c, D1.Path), AdminsOverD1)
        .Allow(
            nameof(PartyMemberPolicy.MayReadLedger),
            "the member, approved in c11",
            c => PartyMemberPolicy.MayReadLedger(c, Everyone[MemberC11].UserId, [C11.Path]),
            ReadersOfC11Report)
        .Allow(
            nameof(PartyMemberPolicy.MayReadLedger),
            "the member, approved nowhere",
            c => PartyMemberPolicy.MayReadLedger(c, Everyone[MemberC11].UserId, []),
            [MemberC11])
        .Allow(
            nameof(PartyMemberPolicy.MayReadRanking),
            "c11, caller not a member",
            c => PartyMemberPolicy.MayReadRanking(c, C11.Path, callerIsMember: false),
            AdminsOverC11)
        .Allow(
            nameof(PartyMemberPolicy.MayReadRanking),
            "c11, caller a member",
            c => PartyMemberPolicy.MayReadRanking(c, C11.Path, callerIsMember: true),
            [.. Everyone.Keys])
        .Allow(
            nameof(PartyMemberPolicy.MayReadUnitSummary),
            "unit u1",
            c => PartyMemberPolicy.MayReadUnitSummary(c, U1.Path),
            [LiaisonU1, .. AdminsOverS1]);

    public static TheoryData<string, string, string, bool> Cases => Matrix.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides_as_documented(string method, string scope, string caller, bool expected) =>
        Assert.Equal(expected, Matrix.Decide(method, scope, caller));

    [Fact]
    public void Every_public_method_has_rows() => Assert.Equal(Matrix.PublicMethods.Order(), Matrix.MethodsWithRows.Order());
}
