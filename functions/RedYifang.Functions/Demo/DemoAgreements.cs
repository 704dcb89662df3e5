using RedYifang.Functions.Agreements;
using RedYifang.Functions.Evidence;
using RedYifang.Functions.Identity;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Demo;

/// <summary>
/// Co-building agreements (共驻共建协议书) between 35 of the 46 demo units and the street or community they belong to: written by
/// its admin a week before the term, signed, countersigned by the unit's liaison and filed with a signed copy as evidence
/// (<c>ownerType: "agreement"</c>). Each commits the unit to 1–3 services a year, the first in the category it offers. Four end
/// within 30 days (the renewal list), one is terminated early and one is a draft awaiting signatures; the rest run for a year
/// begun 45–294 days before the load. An agreement already there (found by its pair) is taken on from its state.
/// </summary>
public sealed class DemoAgreements(
    DemoPeople people,
    DemoEvidence evidence,
    EvidenceStore evidenceStore,
    AgreementStore agreements,
    OrgStore orgs,
    UserStore users,
    TimeProvider loadClock)
{
    public const int DraftUnit = 42;
    public const int TerminatedUnit = 37;

    private static readonly (Category Category, string What)[] Extras =
        [(Category.Environment, "环境整治志愿服务"), (Category.CultureSport, "文体活动"), (Category.ElderlyCare, "走访慰问困难老人")];

    private readonly DemoClock _clock = new(loadClock.GetUtcNow());

    /// <summary>Units (by index, 0–45) that sign an agreement: all but every fourth.</summary>
    public static bool Signs(int unit) => unit % 4 != 3;

    /// <summary>Units whose agreement ends within 30 days of the load.</summary>
    public static bool Expiring(int unit) => Signs(unit) && unit % 7 == 4;

    /// <summary>Unit <paramref name="unit"/>'s party organisation: the community it belongs to, or else its street.</summary>
    public static string PartyOf(int unit) =>
        unit % 2 == 0 ? $"org_demo-s{(unit % 3) + 1}" : $"org_demo-s{(unit % 3) + 1}-c{(unit / 3 % 4) + 1}";

    /// <summary>The term: a year begun 45–294 days before the load; ending 6–25 days after it (expiring); or from 10 days on (draft).</summary>
    public static AgreementTerm TermOf(int unit, DateOnly today)
    {
        if (unit == DraftUnit) return new AgreementTerm(today.AddDays(10), today.AddDays(10).AddYears(1).AddDays(-1));
        if (Expiring(unit))
        {
            var end = today.AddDays(6 + (unit % 20));
            return new AgreementTerm(end.AddYears(-1).AddDays(1), end);
        }
        var from = today.AddDays(-45 - (unit * 37 % 250));
        return new AgreementTerm(from, from.AddYears(1).AddDays(-1));
    }

    /// <summary>The agreements, by unit index, as they stand once loaded.</summary>
    public async Task<IReadOnlyDictionary<int, Agreement>> SeedAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(loadClock.GetUtcNow());
        var result = new Dictionary<int, Agreement>();
        for (var unit = 0; unit < 46; unit++)
        {
            if (Signs(unit)) result[unit] = await AgreementAsync(unit, today, ct);
        }
        return result;
    }

    private async Task<Agreement> AgreementAsync(int unit, DateOnly today, CancellationToken ct)
    {
        var unitId = $"org_demo-u{unit + 1:00}";
        var partyId = PartyOf(unit);
        var term = TermOf(unit, today);
        var admin = await people.AdminAsync(partyId, ct);
        var liaison = await people.CallerAsync(DemoPeople.LiaisonOpenId(unitId), ct);
        var changes = new AgreementChanges(agreements, _clock);
        var agreement = await FindAsync(partyId, unitId, ct);
        if (agreement is null)
        {
            _clock.Now = unit == DraftUnit ? At(today.AddDays(-2), 10) : At(term.From.AddDays(-7), 10);
            agreement = await new CreateAgreement(agreements, orgs, users, _clock).HandleAsync(admin, new CreateAgreement.Request
            {
                PartyOrgId = partyId, UnitId = unitId, TermFrom = Day(term.From), TermTo = Day(term.To), LiaisonUserId = liaison.UserId,
                Commitments = Commitments(unit),
            }, ct);
        }
        if (unit == DraftUnit) return agreement;
        if (agreement.Signature is null)
        {
            _clock.Now = At(term.From.AddDays(-5), 15);
            agreement = await new SignAgreement(changes).HandleAsync(admin, agreement.Id, ct);
        }
        if (agreement.Countersignature is null)
        {
            _clock.Now = At(term.From.AddDays(-4), 10);
            agreement = await new CountersignAgreement(changes).HandleAsync(liaison, agreement.Id, ct);
        }
        if ((await evidenceStore.ListByOwnerAsync(OwnerType.Agreement, agreement.Id, new Paging(1, null), ct)).Items.Count == 0)
        {
            var placement = new OwnerPlacement(agreement.PartyOrgPath, agreement.PartyOrgId, agreement.PartyOrgPath);
            await evidence.PhotoAsync(OwnerType.Agreement, agreement.Id, placement, "共驻共建协议书（签字盖章）.jpg", admin.UserId, 7000 + unit,
                At(term.From.AddDays(-4), 11), ct);
        }
        if (unit == TerminatedUnit && agreement.State == AgreementState.Active)
        {
            _clock.Now = At(today.AddDays(-12), 16);
            agreement = await new TerminateAgreement(changes).HandleAsync(admin, agreement.Id,
                new TerminateAgreement.Request("单位迁出本辖区，经双方协商提前终止协议"), ct);
        }
        return agreement;
    }

    /// <summary>1–3 service commitments: what the unit offers (4–8 a year), and for most a volunteer service or two beside it.</summary>
    public static List<CreateAgreement.CommitmentRequest?> Commitments(int unit)
    {
        var (category, title) = DemoServiceMenu.OfferOf(unit);
        var target = 4 + (unit % 5);
        var list = new List<CreateAgreement.CommitmentRequest?>
        {
            new(EnumText.ToText(category), "service", target, null, $"全年开展{title}不少于{target}次"),
        };
        var extraCount = unit % 5 == 1 ? 2 : Math.Min(1, unit % 3);
        var extras = Extras.Where(e => e.Category != category).Take(extraCount);
        list.AddRange(extras.Select(e =>
            new CreateAgreement.CommitmentRequest(EnumText.ToText(e.Category), "service", 2 + (unit % 3), null, $"全年参与{e.What}")));
        return list;
    }

    private async Task<Agreement?> FindAsync(string partyId, string unitId, CancellationToken ct)
    {
        var page = await agreements.ListScopeAsync(DemoDistrict.DistrictId, unitId, null, new Paging(50, null), ct);
        return page.Items.FirstOrDefault(a => a.PartyOrgId == partyId);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset At(DateOnly day, int hour) => ChinaTime.At(day.ToDateTime(TimeOnly.MinValue), new TimeOnly(hour, 0));
}
