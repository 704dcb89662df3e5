using RedYifang.Functions.Evidence;
using RedYifang.Functions.Identity;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Orders;

/// <summary>
/// The provider reports the work done, with verified evidence (痕迹) of this order, and who served in person: the users named in
/// <c>servedBy</c> (each once, at most <see cref="Completion.MaxServedBy"/>), or the reporting user when it is left out. Names are
/// checked for form only: whoever is named earns points only if a party member (PartyMembers/AwardOrderPoints.cs).
/// </summary>
public sealed class CompleteOrder(OrderChanges changes, IVerifiedEvidence evidence)
{
    public sealed record Request(List<string>? EvidenceIds, decimal? ServiceHours, int? Beneficiaries, List<string?>? ServedBy = null);

    public async Task<Order> HandleAsync(Caller caller, string id, Request body, CancellationToken ct)
    {
        var (evidenceIds, hours, beneficiaries, servedBy) = Validate(body, caller.UserId);
        if (!await evidence.AllVerifiedAsync(OwnerType.Order, id, evidenceIds, ct)) throw EvidenceNotVerified();
        var at = changes.Now;
        return await changes.ApplyAsync(caller, id, OrderPolicy.IsProvider,
            o => o.Complete(new Completion(evidenceIds, hours, beneficiaries, at) { ServedBy = servedBy }, caller.UserId), ct);
    }

    public static (IReadOnlyList<string> EvidenceIds, decimal Hours, int Beneficiaries, IReadOnlyList<string> ServedBy) Validate(
        Request body, string completer)
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
        var servedBy = ServedBy(v, body.ServedBy, completer);
        v.ThrowIfInvalid();
        return (evidenceIds, body.ServiceHours!.Value, beneficiaries!.Value, servedBy);
    }

    private static List<string> ServedBy(Validator v, List<string?>? requests, string completer)
    {
        if (requests is null) return [completer];
        var servedBy = new List<string>();
        if (requests.Count is < 1 or > Completion.MaxServedBy)
        {
            v.Add("servedBy", new LocalizedText("需要 1–{0} 人", "needs 1–{0} people").Format(Completion.MaxServedBy));
            return servedBy;
        }
        for (var i = 0; i < requests.Count; i++)
        {
            if (!UserIds.IsWellFormed(requests[i])) v.Add($"servedBy[{i}]", new("不是有效的用户标识", "is not a valid user id"));
            else if (servedBy.Contains(requests[i]!, StringComparer.Ordinal)) v.Add($"servedBy[{i}]", new("重复", "is listed twice"));
            else servedBy.Add(requests[i]!);
        }
        return servedBy;
    }

    private static RuleViolationException EvidenceNotVerified() =>
        new("evidence_not_verified",
            new("痕迹材料未通过核验", "The evidence is not verified"),
            new("完成订单须附上已核验、属于本订单的照片或文档。", "Completing an order needs verified photos or documents of this order."),
            new Dictionary<string, IReadOnlyList<LocalizedText>> {
                ["evidenceIds"] = [new("须为本订单已核验的痕迹", "must be verified evidence of this order")] });
}
