using System.Text.Json;
using RedYifang.Functions.Evaluations;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Rules.Tests.Evaluations;

/// <summary>What <c>POST /v1/evaluations</c> refuses before it reads anything, each refusal naming its field.</summary>
public sealed class SubmitEvaluationValidationTests
{
    private static readonly SubmitEvaluation.Request Valid = new()
    {
        Period = "2026-10", EvaluatorOrgId = "org_u1", SubjectOrgId = "org_s1", Score = 85, Opinion = "积极参与共建，服务及时",
    };

    private static Dictionary<string, string[]> Errors(SubmitEvaluation.Request request)
    {
        var problem = Assert.Throws<ValidationFailedException>(() => SubmitEvaluation.Validate(request));
        return problem.Errors!.ToDictionary(e => e.Key, e => e.Value.Select(m => m.En).ToArray());
    }

    [Fact]
    public void A_valid_request_reads_as_a_draft()
    {
        var draft = SubmitEvaluation.Validate(Valid with { Opinion = "  积极参与共建  " });

        Assert.Equal(("2026-10", "org_u1", "org_s1", 85, "积极参与共建"),
            (draft.Period.Text, draft.EvaluatorOrgId, draft.SubjectOrgId, draft.Score, draft.Opinion));
    }

    [Fact]
    public void Missing_fields_are_each_named() =>
        Assert.Equal(["evaluatorOrgId", "opinion", "period", "score", "subjectOrgId"], Errors(new SubmitEvaluation.Request()).Keys.Order());

    [Theory]
    [InlineData(0, true)]
    [InlineData(100, true)]
    [InlineData(101, false)]
    [InlineData(-1, false)]
    [InlineData(int.MaxValue, false)]
    public void A_score_is_an_integer_from_0_to_100(int score, bool valid)
    {
        if (valid) Assert.Equal(score, SubmitEvaluation.Validate(Valid with { Score = score }).Score);
        else Assert.Equal(["must be between 0 and 100"], Errors(Valid with { Score = score })["score"]);
    }

    [Theory]
    // A JSON number that is not an integer, and a number in a string, do not bind to the score: the body reader answers 400
    // naming it (Platform/Http/RequestBody.cs turns the path into the field).
    [InlineData("""{"score": 85.5}""")]
    [InlineData("""{"score": "85"}""")]
    [InlineData("""{"score": 85.0}""")]
    [InlineData("""{"score": 1e2}""")]
    [InlineData("""{"score": true}""")]
    public void A_score_that_is_not_a_JSON_integer_does_not_bind(string body)
    {
        var thrown = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<SubmitEvaluation.Request>(body, Json.Options));
        Assert.Equal("$.score", thrown.Path);
    }

    [Fact]
    public void An_integer_score_binds() =>
        Assert.Equal(85, JsonSerializer.Deserialize<SubmitEvaluation.Request>("""{"score": 85}""", Json.Options)!.Score);

    [Theory]
    [InlineData("2026-13", "period")]
    [InlineData("2026-10\n", "period")]
    [InlineData("Q4-2026", "period")]
    [InlineData("2026/10", "period")]
    public void The_period_is_a_month_quarter_or_year(string period, string field) =>
        Assert.Equal([field], Errors(Valid with { Period = period }).Keys);

    [Fact]
    public void The_opinion_is_bounded_text()
    {
        Assert.Equal(["must be at most 500 characters"], Errors(Valid with { Opinion = new string('好', 501) })["opinion"]);
        Assert.Equal(500, SubmitEvaluation.Validate(Valid with { Opinion = new string('好', 500) }).Opinion.Length);
        Assert.Equal(["is required"], Errors(Valid with { Opinion = "   " })["opinion"]);
        Assert.Equal(["may not contain control characters"], Errors(Valid with { Opinion = "很好\u0007" })["opinion"]);
    }

    [Fact]
    public void Nobody_evaluates_itself_and_ids_are_ids()
    {
        Assert.Equal(["may not be the evaluator itself"], Errors(Valid with { SubjectOrgId = "org_u1" })["subjectOrgId"]);
        Assert.Equal(["evaluatorOrgId"], Errors(Valid with { EvaluatorOrgId = "u1" }).Keys);
    }
}
