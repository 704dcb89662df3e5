using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Evaluations;

/// <summary>
/// The individual evaluations of a period (<c>GET /v1/evaluations</c>), with exactly one of: <c>subjectOrgId</c> — what an
/// organisation received, for admins above it only (its own admins are refused: they get the count and mean); or
/// <c>evaluatorOrgId</c> — what an organisation gave, for whoever acts for it, without the entries about an organisation the
/// caller is an own admin of (<see cref="EvaluationPolicy.MaySeeGiven"/>). Either is one range of the district's partition.
/// </summary>
public sealed class ListEvaluations(EvaluationStore evaluations, OrgStore orgs)
{
    public sealed record Request(string? SubjectOrgId, string? EvaluatorOrgId, string? Period, Paging Paging);

    public async Task<ListPage<Evaluation>> HandleAsync(Caller caller, Request request, CancellationToken ct)
    {
        var v = new Validator();
        var period = v.Period("period", request.Period);
        var subjectId = v.Id("subjectOrgId", request.SubjectOrgId, required: false);
        var evaluatorId = v.Id("evaluatorOrgId", request.EvaluatorOrgId, required: false);
        if ((request.SubjectOrgId is null) == (request.EvaluatorOrgId is null))
        {
            var one = new LocalizedText("须且只能给出 subjectOrgId 或 evaluatorOrgId 之一", "give exactly one of subjectOrgId and evaluatorOrgId");
            v.Add(request.SubjectOrgId is null ? "subjectOrgId" : "evaluatorOrgId", one);
        }
        v.ThrowIfInvalid();

        var org = await orgs.FindAsync((subjectId ?? evaluatorId)!, ct) ?? throw Problems.NotFound("organisation");
        if (subjectId is not null)
        {
            if (!EvaluationPolicy.MayListAbout(caller, org.Path)) throw Problems.Forbidden();
            return await evaluations.ListAboutAsync(org.Path[0], period!.Text, org.Id, request.Paging, ct);
        }
        if (!EvaluationPolicy.MayListGiven(caller, org.Path)) throw Problems.Forbidden();
        var page = await evaluations.ListGivenAsync(org.Path[0], period!.Text, org.Id, request.Paging, ct);
        return page with { Items = [.. page.Items.Where(e => EvaluationPolicy.MaySeeGiven(caller, e.SubjectPath))] };
    }
}
