using RedYifang.Functions.Matching;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Security;
using static RedYifang.Rules.Tests.Policies.World;

namespace RedYifang.Rules.Tests.Policies;

/// <summary>
/// MatchingPolicy against api.md ("Matching"; suggestions: "admins, liaisons in area"): runs belong to the admins over
/// their scope; an order's suggestions to the admins over its community and to the liaisons who may read the order.
/// Besides the common callers, one caller holds two roles: the order's owner who is also the liaison of u3, a unit of
/// the other street.
/// </summary>
public sealed class MatchingPolicyTests
{
    private const string OwnerLiaisonU3 = "resident owner who is liaison of u3 (s2)";

    private static readonly Dictionary<string, Caller> MatchingCallers = new(Callers)
    {
        [OwnerLiaisonU3] = Person(Id(Owner), (Role.Liaison, U3)),
    };

    private static readonly MatchingRun RunOverC11 = Run(C11);
    private static readonly MatchingRun RunOverS1 = Run(S1);
    private static readonly MatchingRun RunOverC31 = Run(C31);

    private static readonly PolicyMatrix Matrix = new PolicyMatrix(typeof(MatchingPolicy), MatchingCallers)
        .Allow(nameof(MatchingPolicy.MayStartRun), "community c11", c => MatchingPolicy.MayStartRun(c, C11.Path), AdminsOverC11)
        .Allow(nameof(MatchingPolicy.MayStartRun), "street s1", c => MatchingPolicy.MayStartRun(c, S1.Path), AdminsOverS1)
        .Allow(nameof(MatchingPolicy.MayStartRun), "district d1", c => MatchingPolicy.MayStartRun(c, D1.Path), AdminsOverD1)
        .Allow(
            nameof(MatchingPolicy.MayStartRun),
            "community c31 of district d2",
            c => MatchingPolicy.MayStartRun(c, C31.Path),
            [DistrictAdminD2, GlobalAdmin])
        .Allow(nameof(MatchingPolicy.MaySeeRun), "run over c11", c => MatchingPolicy.MaySeeRun(c, RunOverC11), AdminsOverC11)
        .Allow(nameof(MatchingPolicy.MaySeeRun), "run over s1", c => MatchingPolicy.MaySeeRun(c, RunOverS1), AdminsOverS1)
        .Allow(
            nameof(MatchingPolicy.MaySeeRun),
            "run over c31 of district d2",
            c => MatchingPolicy.MaySeeRun(c, RunOverC31),
            [DistrictAdminD2, GlobalAdmin])

        // Suggestions: never the owner; liaisons only while they may read the order (published: s1's units; after
        // the match: the provider's). The owner who is also liaison of u3 in the other street does not: a liaison role
        // elsewhere is not "liaisons in area" (api.md).
        .Allow(
            nameof(MatchingPolicy.MaySeeSuggestions),
            "submitted order in c11",
            c => MatchingPolicy.MaySeeSuggestions(c, Submitted),
            AdminsOverC11)
        .Allow(
            nameof(MatchingPolicy.MaySeeSuggestions),
            "published order in c11",
            c => MatchingPolicy.MaySeeSuggestions(c, Published),
            [.. AdminsOverC11, LiaisonU1, LiaisonU2])
        .Allow(
            nameof(MatchingPolicy.MaySeeSuggestions),
            "order in c11 matched to u1",
            c => MatchingPolicy.MaySeeSuggestions(c, MatchedToU1),
            [.. AdminsOverC11, LiaisonU1]);

    public static TheoryData<string, string, string, bool> Cases => Matrix.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides_as_documented(string method, string scope, string caller, bool expected) =>
        Assert.Equal(expected, Matrix.Decide(method, scope, caller));

    [Fact]
    public void Every_public_method_has_rows() => Assert.Equal(Matrix.PublicMethods.Order(), Matrix.MethodsWithRows.Order());

    private static MatchingRun Run(Org scope) => new()
    {
        Id = $"run-{scope.Id}",
        ScopeOrgId = scope.Id,
        ScopePath = scope.Path,
        State = RunState.Completed,
        CreatedBy = "someone",
        CreatedAt = At,
        CompletedAt = At,
    };
}
