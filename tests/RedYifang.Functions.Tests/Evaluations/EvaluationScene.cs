using System.Text.Json.Nodes;

namespace RedYifang.Functions.Tests.Evaluations;

/// <summary>
/// A district for evaluation tests, made through the API: TestDistrict's street S (its unit U0 with a liaison, its community C)
/// plus three units A, B and K under C, a volunteer team T under C, a second community C2 with a unit X2, and a second street
/// S2 with a unit Y — each unit and team with a liaison of its own (open id "{prefix}-l{name}").
/// </summary>
internal sealed record EvaluationScene(TestDistrict D, string A, string B, string K, string T, string C2, string X2, string S2, string Y)
{
    public static async Task<EvaluationScene> CreateAsync(ApiClient api, TestDistrict d)
    {
        async Task<string> Unit(string parent, string name, string kind = "unit")
        {
            var id = await d.OrgAsync(api, kind, parent, name, kind == "unit" ? "nonPublicEnterprise" : null);
            await d.UserAsync(api, $"l{name}", "liaison", id);
            return id;
        }
        var a = await Unit(d.CommunityId, "A");
        var b = await Unit(d.CommunityId, "B");
        var k = await Unit(d.CommunityId, "K");
        var t = await Unit(d.CommunityId, "T", "volunteerTeam");
        var c2 = await d.OrgAsync(api, "community", d.StreetId, "第二社区");
        var x2 = await Unit(c2, "X2");
        var s2 = await d.OrgAsync(api, "street", d.DistrictId, "第二街道");
        var y = await Unit(s2, "Y");
        return new EvaluationScene(d, a, b, k, t, c2, x2, s2, y);
    }

    /// <summary>The liaison of a unit made here ("A", "B", …), or of TestDistrict's unit U0.</summary>
    public string Liaison(string name) => name == "U0" ? D.Liaison : $"{D.Prefix}-l{name}";

    public static object Body(string period, string evaluator, string subject, object? score, string opinion = "积极参与共建，服务及时") =>
        new Dictionary<string, object?>
        {
            ["period"] = period, ["evaluatorOrgId"] = evaluator, ["subjectOrgId"] = subject, ["score"] = score, ["opinion"] = opinion,
        };

    public static Task<HttpResponseMessage> PostAsync(ApiClient api, string asOpenId, object body) =>
        api.SendAsync(HttpMethod.Post, "api/v1/evaluations", asOpenId, body);

    public static async Task<JsonObject> EvaluateAsync(ApiClient api, string asOpenId, string period, string evaluator, string subject,
        int score) =>
        await (await PostAsync(api, asOpenId, Body(period, evaluator, subject, score))).ExpectAsync(201);

    public static async Task<JsonObject> ReceivedAsync(ApiClient api, string asOpenId, string orgId, string period) =>
        await (await api.SendAsync(HttpMethod.Get, $"api/v1/evaluations/received?orgId={orgId}&period={period}", asOpenId))
            .ExpectAsync(200);
}
