using Microsoft.Azure.Functions.Worker;

namespace RedYifang.Functions.Agreements;

/// <summary>
/// Daily just after midnight China Standard Time (<c>Agreements:Schedule</c>, 16:05 UTC in the template): expires the
/// agreements whose term ended yesterday or before, then raises the renewal notices that are due.
/// </summary>
internal sealed class AgreementTimerFunction(RunAgreementTimer work)
{
    [Function("AgreementTimer")]
    public async Task Run([TimerTrigger("%Agreements:Schedule%")] TimerInfo timer, CancellationToken ct) => await work.HandleAsync(ct);
}
