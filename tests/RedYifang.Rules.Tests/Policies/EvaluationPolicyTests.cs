using RedYifang.Functions.Evaluations;
using static RedYifang.Rules.Tests.Policies.World;

namespace RedYifang.Rules.Tests.Policies;

/// <summary>
/// EvaluationPolicy against the issue (16, two-way evaluation) and docs/evaluations.md: whoever acts for the evaluator writes its
/// evaluations, but nobody grades their own street or community in a unit's name; an organisation's own people read what it
/// received as a count and a mean; only admins above it read the entries; an evaluator's people read what it gave, less what is
/// about their own organisation.
/// </summary>
public sealed class EvaluationPolicyTests
{
    private static readonly string[] Everyone = [.. Callers.Keys];

    private static readonly PolicyMatrix Matrix = new PolicyMatrix(typeof(EvaluationPolicy), Callers)
        .Allow(nameof(EvaluationPolicy.MayActFor), "unit u1 (under s1)", c => EvaluationPolicy.MayActFor(c, U1.Path),
            [LiaisonU1, .. AdminsOverS1])
        .Allow(nameof(EvaluationPolicy.MayActFor), "unit u4 (under c11)", c => EvaluationPolicy.MayActFor(c, U4.Path), AdminsOverC11)
        .Allow(nameof(EvaluationPolicy.MayActFor), "street s1", c => EvaluationPolicy.MayActFor(c, S1.Path), AdminsOverS1)
        .Allow(nameof(EvaluationPolicy.MayEvaluate), "u1 evaluates its street s1", c => EvaluationPolicy.MayEvaluate(c, U1.Path, S1.Path),
            [LiaisonU1])
        .Allow(nameof(EvaluationPolicy.MayEvaluate), "u4 evaluates its street s1", c => EvaluationPolicy.MayEvaluate(c, U4.Path, S1.Path),
            [CommunityAdminC11])
        .Allow(nameof(EvaluationPolicy.MayEvaluate), "u4 evaluates its community c11",
            c => EvaluationPolicy.MayEvaluate(c, U4.Path, C11.Path), [])
        .Allow(nameof(EvaluationPolicy.MayEvaluate), "s1 evaluates u1", c => EvaluationPolicy.MayEvaluate(c, S1.Path, U1.Path),
            AdminsOverS1)
        .Allow(nameof(EvaluationPolicy.MayEvaluate), "c11 evaluates u4", c => EvaluationPolicy.MayEvaluate(c, C11.Path, U4.Path),
            AdminsOverC11)
        .Allow(nameof(EvaluationPolicy.MayReadReceived), "community c11", c => EvaluationPolicy.MayReadReceived(c, C11.Path),
            AdminsOverC11)
        .Allow(nameof(EvaluationPolicy.MayReadReceived), "unit u1", c => EvaluationPolicy.MayReadReceived(c, U1.Path),
            [LiaisonU1, .. AdminsOverS1])
        .Allow(nameof(EvaluationPolicy.MayListAbout), "entries about c11", c => EvaluationPolicy.MayListAbout(c, C11.Path),
            AdminsOverS1)
        .Allow(nameof(EvaluationPolicy.MayListAbout), "entries about s1", c => EvaluationPolicy.MayListAbout(c, S1.Path), AdminsOverD1)
        .Allow(nameof(EvaluationPolicy.MayListAbout), "entries about u4", c => EvaluationPolicy.MayListAbout(c, U4.Path), AdminsOverC11)
        .Allow(nameof(EvaluationPolicy.MayListAbout), "entries about u1", c => EvaluationPolicy.MayListAbout(c, U1.Path), AdminsOverS1)
        .Allow(nameof(EvaluationPolicy.MayListGiven), "what u1 gave", c => EvaluationPolicy.MayListGiven(c, U1.Path),
            [LiaisonU1, .. AdminsOverS1])
        .Allow(nameof(EvaluationPolicy.MayListGiven), "what c11 gave", c => EvaluationPolicy.MayListGiven(c, C11.Path), AdminsOverC11)
        .Allow(nameof(EvaluationPolicy.MaySeeGiven), "a given entry about c11", c => EvaluationPolicy.MaySeeGiven(c, C11.Path),
            [.. Everyone.Except([CommunityAdminC11])])
        .Allow(nameof(EvaluationPolicy.MaySeeGiven), "a given entry about s1", c => EvaluationPolicy.MaySeeGiven(c, S1.Path),
            [.. Everyone.Except([StreetAdminS1])]);

    public static TheoryData<string, string, string, bool> Cases => Matrix.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides_as_documented(string method, string scope, string caller, bool expected) =>
        Assert.Equal(expected, Matrix.Decide(method, scope, caller));

    [Fact]
    public void Every_public_method_has_rows() => Assert.Equal(Matrix.PublicMethods.Order(), Matrix.MethodsWithRows.Order());
}
