using RedYifang.Functions.Assessment;
using static RedYifang.Rules.Tests.Policies.World;

namespace RedYifang.Rules.Tests.Policies;

/// <summary>
/// AssessmentPolicy against api.md ("Assessment and rankings", "Statistics"): indicators and runs belong to that
/// district's admins, exports and statistics to the admins over the scope, an organisation's facts to the admins
/// over it and to the unit's own liaison.
/// </summary>
public sealed class AssessmentPolicyTests
{
    private static readonly PolicyMatrix Matrix = new PolicyMatrix(typeof(AssessmentPolicy), Callers)
        .Allow(nameof(AssessmentPolicy.MayManage), "district d1", c => AssessmentPolicy.MayManage(c, D1), AdminsOverD1)
        .Allow(nameof(AssessmentPolicy.MayManage), "district d2", c => AssessmentPolicy.MayManage(c, D2), [DistrictAdminD2, GlobalAdmin])
        .Allow(nameof(AssessmentPolicy.MayExport), "district d1's ranking", c => AssessmentPolicy.MayExport(c, D1), AdminsOverD1)
        .Allow(nameof(AssessmentPolicy.MayExport), "street s1's ranking", c => AssessmentPolicy.MayExport(c, S1), AdminsOverS1)
        .Allow(nameof(AssessmentPolicy.MayExport), "street s2's ranking", c => AssessmentPolicy.MayExport(c, S2), AdminsOverS2)
        .Allow(
            nameof(AssessmentPolicy.MaySeeFacts),
            "unit u1 under street s1",
            c => AssessmentPolicy.MaySeeFacts(c, U1),
            [LiaisonU1, .. AdminsOverS1])
        .Allow(
            nameof(AssessmentPolicy.MaySeeFacts),
            "unit u3 under street s2",
            c => AssessmentPolicy.MaySeeFacts(c, U3),
            [LiaisonU3, .. AdminsOverS2])
        .Allow(
            nameof(AssessmentPolicy.MaySeeFacts),
            "unit u4 under community c11",
            c => AssessmentPolicy.MaySeeFacts(c, U4),
            AdminsOverC11)
        .Allow(nameof(AssessmentPolicy.MaySeeFacts), "community c11", c => AssessmentPolicy.MaySeeFacts(c, C11), AdminsOverC11)
        .Allow(nameof(AssessmentPolicy.MaySeeStatistics), "district d1", c => AssessmentPolicy.MaySeeStatistics(c, D1), AdminsOverD1)
        .Allow(nameof(AssessmentPolicy.MaySeeStatistics), "street s1", c => AssessmentPolicy.MaySeeStatistics(c, S1), AdminsOverS1)
        .Allow(nameof(AssessmentPolicy.MaySeeStatistics), "community c11", c => AssessmentPolicy.MaySeeStatistics(c, C11), AdminsOverC11)
        .Allow(
            nameof(AssessmentPolicy.MaySeeStatistics),
            "community c12",
            c => AssessmentPolicy.MaySeeStatistics(c, C12),
            [CommunityAdminC12, .. AdminsOverS1])
        .Allow(nameof(AssessmentPolicy.MaySeeAwards), "district d1's awards list", c => AssessmentPolicy.MaySeeAwards(c, D1), AdminsOverD1)
        .Allow(nameof(AssessmentPolicy.MaySeeAwards), "street s1's awards list", c => AssessmentPolicy.MaySeeAwards(c, S1), AdminsOverS1)
        .Allow(nameof(AssessmentPolicy.MaySeeAwards), "street s2's awards list", c => AssessmentPolicy.MaySeeAwards(c, S2), AdminsOverS2);

    public static TheoryData<string, string, string, bool> Cases => Matrix.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides_as_documented(string method, string scope, string caller, bool expected) =>
        Assert.Equal(expected, Matrix.Decide(method, scope, caller));

    [Fact]
    public void Every_public_method_has_rows() => Assert.Equal(Matrix.PublicMethods.Order(), Matrix.MethodsWithRows.Order());
}
