using Microsoft.Extensions.Options;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Evaluations;

/// <summary>
/// What an organisation received for a period, for its own people (<c>GET /v1/evaluations/received?orgId=&amp;period=</c>): blind
/// (<see cref="BlindRules"/>) — nothing while the window is open, then the count and the mean only with at least three
/// evaluators; with fewer, the state says so (not an error). The individual entries are never shown here.
/// </summary>
public sealed class GetReceivedEvaluations(EvaluationStore evaluations, OrgStore orgs, IOptions<EvaluationOptions> options,
    TimeProvider clock)
{
    public async Task<ReceivedView> HandleAsync(Caller caller, string? orgId, string? periodText, CancellationToken ct)
    {
        var v = new Validator();
        var id = v.Id("orgId", orgId);
        var period = v.Period("period", periodText);
        v.ThrowIfInvalid();
        var org = await orgs.FindAsync(id!, ct) ?? throw Problems.NotFound("organisation");
        if (!EvaluationPolicy.MayReadReceived(caller, org.Path)) throw Problems.Forbidden();

        var window = EvaluationWindow.Of(period!, options.Value.WindowDays);
        var now = clock.GetUtcNow();
        ReceivedView View(ReceivedState state, int? evaluators = null, decimal? mean = null) =>
            new(org.Id, period!.Text, state, window.OpensAt, window.ClosesAt, BlindRules.MinimumEvaluators, evaluators, mean);
        if (!window.HasClosedAt(now)) return View(window.IsOpenAt(now) ? ReceivedState.WindowOpen : ReceivedState.WindowNotOpen);
        var received = await evaluations.AllAboutAsync(org.Path[0], period!.Text, org.Id, ct);
        return BlindRules.MayReveal(received.Count)
            ? View(ReceivedState.Available, received.Count, BlindRules.Mean(received.Sum(e => e.Score), received.Count))
            : View(ReceivedState.NotEnoughEvaluations);
    }
}
