using RedYifang.Functions.Evidence;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Orders;

/// <summary>The provider reports the work done, with verified evidence (痕迹) of this order.</summary>
public sealed class CompleteOrder(OrderChanges changes, IVerifiedEvidence evidence)
{
    public sealed record Request(List<string>? EvidenceIds, decimal? ServiceHours, int? Beneficiaries);

    public async Task<Order> HandleAsync(Caller caller, string id, Request body, CancellationToken ct)
    {
        var (evidenceIds, hours, beneficiaries) = Validate(body);
        if (!await evidence.AllVerifiedAsync(OwnerType.Order, id, evidenceIds, ct)) throw EvidenceNotVerified();
        var at = changes.Now;
        return await changes.ApplyAsync(caller, id, OrderPolicy.IsProvider,
            o => o.Complete(new Completion(evidenceIds, hours, beneficiaries, at), caller.UserId), ct);
    }

    public static (IReadOnlyList<string> EvidenceIds, decimal Hours, int Beneficiaries) Validate(Request body)
    {
        var v = new Validator();
        var evidenceIds = (body.EvidenceIds ?? []).Distinct().ToList();
        if (evidenceIds.Count is < 1 or > 50) v.Add("evidenceIds", new("需要 1–50 份痕迹材料", "needs 1–50 evidence items"));
        if (body.ServiceHours is not { } hours) v.Add("serviceHours", Validator.Required);
        else if (hours <= 0 || hours > 10_000 || decimal.Round(hours, 1) != hours)
        {
            v.Add("serviceHours", new("须为 0–10000 之间、最多一位小数", "must be above 0, at most 10000, one decimal"));
        }
        var beneficiaries = v.Range("beneficiaries", body.Beneficiaries, 0, 100_000);
        v.ThrowIfInvalid();
        return (evidenceIds, body.ServiceHours!.Value, beneficiaries!.Value);
    }

    private static RuleViolationException EvidenceNotVerified() =>
        new("evidence_not_verified",
            new("痕迹材料未通过核验", "The evidence is not verified"),
            new("完成订单须附上已核验、属于本订单的照片或文档。", "Completing an order needs verified photos or documents of this order."),
            new Dictionary<string, IReadOnlyList<LocalizedText>> {
                ["evidenceIds"] = [new("须为本订单已核验的痕迹", "must be verified evidence of this order")] });
}
