using RedYifang.Functions.Evaluations;
using RedYifang.Functions.Organisations;
using static RedYifang.Rules.Tests.Policies.World;

namespace RedYifang.Rules.Tests.Evaluations;

/// <summary>
/// Who evaluates whom (<see cref="EvaluationPairs"/>, domain.md 双向约束), in the policy tables' world: u1 hangs under street s1,
/// u4 under community c11 of s1, and a volunteer team vt under c11.
/// </summary>
public sealed class EvaluationPairsTests
{
    private static readonly Org Vt = new()
    {
        Id = "vt", Kind = OrgKind.VolunteerTeam, ParentId = C11.Id, Name = "vt", Path = [.. C11.Path, "vt"], CreatedAt = At,
    };

    private static readonly Dictionary<string, Org> Orgs = new[] { D1, S1, S2, C11, C12, C21, U1, U2, U3, U4, Vt }.ToDictionary(o => o.Id);

    [Theory]
    // A unit or volunteer team evaluates its street and its community, whether it hangs under the street or the community.
    [InlineData("u1", "s1", true)]
    [InlineData("u4", "c11", true)]
    [InlineData("u4", "s1", true)]
    [InlineData("vt", "c11", true)]
    [InlineData("vt", "s1", true)]
    // A street or community evaluates the units and volunteer teams within it (a street those under its communities too).
    [InlineData("s1", "u1", true)]
    [InlineData("s1", "u4", true)]
    [InlineData("c11", "u4", true)]
    [InlineData("c11", "vt", true)]
    [InlineData("s1", "vt", true)]
    // Not another street's or community's, not the district, not between peers, not between a street and its communities.
    [InlineData("u1", "c11", false)]
    [InlineData("u1", "s2", false)]
    [InlineData("u3", "s1", false)]
    [InlineData("u4", "c12", false)]
    [InlineData("u1", "d1", false)]
    [InlineData("d1", "u1", false)]
    [InlineData("c11", "u1", false)]
    [InlineData("c12", "u4", false)]
    [InlineData("s2", "u1", false)]
    [InlineData("c21", "u4", false)]
    [InlineData("s1", "c11", false)]
    [InlineData("c11", "s1", false)]
    [InlineData("u1", "u2", false)]
    [InlineData("u4", "vt", false)]
    [InlineData("u1", "u1", false)]
    [InlineData("s1", "s1", false)]
    public void Only_a_unit_and_its_street_or_community_evaluate_each_other(string evaluator, string subject, bool allowed) =>
        Assert.Equal(allowed, EvaluationPairs.Allowed(Orgs[evaluator], Orgs[subject]));

    [Fact]
    public void Upward_and_downward_are_the_two_directions()
    {
        Assert.True(EvaluationPairs.IsUpward(U4, C11));
        Assert.False(EvaluationPairs.IsDownward(U4, C11));
        Assert.True(EvaluationPairs.IsDownward(C11, U4));
        Assert.False(EvaluationPairs.IsUpward(C11, U4));
    }
}
