using System.Globalization;
using RedYifang.Functions.Identity;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Storage;
using RedYifang.Functions.Platform.Idempotency;

namespace RedYifang.Functions.Agreements;

/// <summary>
/// An admin over a street or community writes a co-building agreement with a unit (or volunteer team) of its street, as a
/// draft. The liaison it names must hold the unit's liaison role (they countersign for the unit), and the term may not
/// overlap an active agreement of the same pair (409 <c>agreement_overlaps</c>; drafts are not counted until they activate).
/// </summary>
public sealed class CreateAgreement(AgreementStore agreements, OrgStore orgs, UserStore users, TimeProvider clock)
{
    public const int MaxCommitments = 20;
    public const int MaxTermYears = 5;

    /// <summary>The body of <c>POST /v1/agreements</c>; every member optional here, validated below.</summary>
    public sealed record Request
    {
        public string? PartyOrgId { get; init; }
        public string? UnitId { get; init; }
        public string? TermFrom { get; init; }
        public string? TermTo { get; init; }
        public string? LiaisonUserId { get; init; }
        public List<CommitmentRequest?>? Commitments { get; init; }
    }

    /// <summary>One commitment: <c>target</c> (a count) for a service, <c>amount</c> (yuan as a decimal string) for funds.</summary>
    public sealed record CommitmentRequest(string? Category, string? Kind, int? Target, string? Amount, string? Description);

    /// <summary>Whether the caller may (still) write agreements for the party organisation the request names.</summary>
    public async Task MayStillAsync(Caller caller, Request request, CancellationToken ct)
    {
        var party = request.PartyOrgId is { } id ? await orgs.FindAsync(id, ct) : null;
        if (party is null || !AgreementPolicy.MayCreateFor(caller, party.Path)) throw Problems.Forbidden();
    }

    public async Task<Agreement> HandleAsync(Caller caller, Request request, CancellationToken ct)
    {
        var draft = Validate(request);
        var party = await orgs.FindAsync(draft.PartyOrgId, ct);
        if (party is not { Kind: OrgKind.Street or OrgKind.Community })
        {
            throw Problems.InvalidReference("partyOrgId", new("不是已登记的街道或社区", "is not a registered street or community"));
        }
        if (!AgreementPolicy.MayCreateFor(caller, party.Path)) throw Problems.Forbidden();
        var unit = await orgs.FindAsync(draft.UnitId, ct);
        if (unit is not { Kind: OrgKind.Unit or OrgKind.VolunteerTeam } || unit.Path.Count < 2 || unit.Path[1] != party.Path[1])
        {
            throw Problems.InvalidReference(
                "unitId",
                new("须为该组织所在街道的驻区单位或志愿服务队", "must be a unit or volunteer team of the party organisation's street"));
        }
        var roles = await users.GetRolesAsync(draft.LiaisonUserId, ct);
        if (!roles.Any(r => r.Role == Role.Liaison && r.OrgId == unit.Id))
        {
            throw Problems.InvalidReference("liaisonUserId", new("须为该单位的联络员", "must hold the unit's liaison role"));
        }
        var active = await agreements.ActiveTermsAsync(party.Path[0], party.Id, unit.Id, ct);
        if (active.Overlapping(null, draft.Term) is { } overlapping) throw AgreementProblems.Overlaps(overlapping);

        var change = Agreement.Create(draft, Keys.NewChildId("cba", party.Path[0], clock), party.Path, unit.Path, caller.UserId,
            clock.GetUtcNow());
        var first = await CreateOnce.AddAsync(() => agreements.AddAsync(change, ct),
            async () => (await agreements.FindAsync(change.Agreement.Id, ct))?.Agreement);
        return first ?? change.Agreement;
    }

    public static NewAgreement Validate(Request request)
    {
        var v = new Validator();
        var partyOrgId = v.Id("partyOrgId", request.PartyOrgId);
        var unitId = v.Id("unitId", request.UnitId);
        var liaisonUserId = v.Id("liaisonUserId", request.LiaisonUserId);
        var from = Date(v, "termFrom", request.TermFrom);
        var to = Date(v, "termTo", request.TermTo);
        if (from is { } f && to is { } t)
        {
            if (t <= f) v.Add("termTo", new("须晚于 termFrom", "must be after termFrom"));
            else if (t > f.AddYears(MaxTermYears)) v.Add("termTo", new LocalizedText("协议期限最长 {0} 年", "the term is at most {0} years")
                .Format(MaxTermYears));
        }
        var commitments = Commitments(v, request.Commitments);
        v.ThrowIfInvalid();
        return new NewAgreement
        {
            PartyOrgId = partyOrgId!, UnitId = unitId!, Term = new AgreementTerm(from!.Value, to!.Value), LiaisonUserId = liaisonUserId!,
            Commitments = commitments,
        };
    }

    private static List<Commitment> Commitments(Validator v, List<CommitmentRequest?>? requests)
    {
        var result = new List<Commitment>();
        if (requests is not { Count: >= 1 and <= MaxCommitments })
        {
            v.Add("commitments", new LocalizedText("需要 1–{0} 项承诺", "needs 1–{0} commitments").Format(MaxCommitments));
            return result;
        }
        var seen = new HashSet<(Category, CommitmentKind)>();
        for (var i = 0; i < requests.Count; i++)
        {
            var field = $"commitments[{i}]";
            var c = requests[i];
            if (c is null)
            {
                v.Add(field, Validator.Required);
                continue;
            }
            var category = v.OneOf<Category>(field + ".category", c.Category);
            var kind = v.OneOf<CommitmentKind>(field + ".kind", c.Kind);
            var description = v.Text(field + ".description", c.Description, 100, required: false);
            int? target = null;
            decimal? amount = null;
            if (kind == CommitmentKind.Service)
            {
                target = v.Range(field + ".target", c.Target, 1, 10_000);
                if (c.Amount is not null) v.Add(field + ".amount", new("仅资金类承诺（funds）可填写", "applies only to kind funds"));
            }
            else if (kind == CommitmentKind.Funds)
            {
                amount = Yuan(v, field + ".amount", c.Amount);
                if (c.Target is not null) v.Add(field + ".target", new("仅服务类承诺（service）可填写", "applies only to kind service"));
            }
            if (category is { } cat && kind is { } k && !seen.Add((cat, k)))
            {
                // Two service commitments of one category would count the same deliveries twice.
                v.Add(field + ".category", new("同一类别、同一形式的承诺只能有一项", "one commitment per category and kind"));
            }
            if (category is { } ok && kind is { } okKind) result.Add(new Commitment(ok, okKind, target, amount, description));
        }
        return result;
    }

    private static DateOnly? Date(Validator v, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            v.Add(field, Validator.Required);
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year is >= 2000 and <= 2200)
        {
            return date;
        }
        v.Add(field, new("须为 YYYY-MM-DD（2000–2200 年）", "must be YYYY-MM-DD (years 2000–2200)"));
        return null;
    }

    /// <summary>Yuan as a decimal string ("1000.00"): above 0, at most 100,000,000, at most two decimals.</summary>
    private static decimal? Yuan(Validator v, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            v.Add(field, Validator.Required);
            return null;
        }
        if (text.All(ch => ch is (>= '0' and <= '9') or '.')
            && decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            && amount > 0 && amount <= 100_000_000m && decimal.Round(amount, 2) == amount)
        {
            return amount;
        }
        v.Add(field, new("须为大于 0、最多两位小数的金额（元），如 \"1000.00\"",
            "must be yuan above 0 with at most two decimals, as \"1000.00\""));
        return null;
    }
}
