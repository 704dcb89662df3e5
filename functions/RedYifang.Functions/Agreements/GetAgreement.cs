using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Agreements;

/// <summary>One agreement, to its parties, with how far each commitment is met (<see cref="Fulfilment"/>).</summary>
public sealed class GetAgreement(AgreementChanges changes, DeliveryStore deliveries)
{
    public async Task<AgreementView> HandleAsync(Caller caller, string id, CancellationToken ct)
    {
        var agreement = (await changes.ReadAsync(caller, id, ct)).Agreement;
        var (first, last) = Fulfilment.Window(agreement);
        // One range of the unit's deliveries per service commitment (its category over the window).
        // The money given towards the agreement: one range of the unit's partition, read only when it commits money.
        var funds = agreement.Commitments.Any(c => c.Kind == CommitmentKind.Funds)
            ? await deliveries.ListFundsAsync(agreement.DistrictId, agreement.UnitId, agreement.Id, ct)
            : [];
        var fulfilment = await Task.WhenAll(agreement.Commitments.Select(async (c, i) => Fulfilment.Of(agreement, i,
            c.Kind == CommitmentKind.Service
                ? await deliveries.ListAsync(agreement.DistrictId, agreement.UnitId, c.Category, first, last, ct)
                : [], funds)));
        return AgreementView.From(agreement, fulfilment);
    }
}
