using RedYifang.Functions.Evidence;
using RedYifang.Functions.Identity;
using RedYifang.Functions.Funding;
using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Demo;

/// <summary>
/// The demo's funding (经费保障) for the load's year, through the feature's use cases: the district fund set at 2,000,000.00 by the
/// district's admin, 会展街道's and 临河街道's budgets at 800,000.00 and 东方广场街道's at 600,000.00 by their admins; 会展街道 pays three
/// of its units (u01, u04, u07) their entitlements from the counts of 1 January (2,200.00, 27,400.00, 12,600.00) and the district
/// fund pays 临河街道's u02 its 10,600.00; u01 and u04 spend 1,234.56 and 8,800.00 on verified receipts, u07 spends 99.90 and
/// reverses it (发票抬头有误). A load that finds the year's ledger already written leaves it as it is.
/// </summary>
public sealed class DemoFunding(DemoPeople people, DemoEvidence evidence, FundingStore store, SetBudget budgets, RecordMovement movements,
    ReverseMovement reversals, GetEntitlements entitlements, TimeProvider loadClock)
{
    private static readonly (string OrgId, string Amount)[] Budgets =
    [
        (DemoDistrict.DistrictId, "2000000.00"), ("org_demo-s1", "800000.00"), ("org_demo-s2", "800000.00"), ("org_demo-s3", "600000.00"),
    ];

    /// <summary>Returns how many budgets and movements the demo holds for the year.</summary>
    public async Task<int> SeedAsync(CancellationToken ct)
    {
        var year = ChinaTime.Today(loadClock.GetUtcNow()).Year;
        var yearText = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var written = (await store.MovementsAsync(DemoDistrict.DistrictId, year, ct)).Count;
        if (written > 0) return written;
        foreach (var (orgId, amount) in Budgets)
        {
            await budgets.HandleAsync(await AdminAsync(orgId, ct), orgId, yearText, new SetBudget.Request(amount), ct);
        }
        var made = Budgets.Length;
        var street = await people.AdminAsync(DemoDistrict.HuizhanStreetId, ct);
        var owed = (await entitlements.HandleAsync(street, DemoDistrict.HuizhanStreetId, yearText, ct)).Items.ToDictionary(l => l.UnitId);
        foreach (var unit in new[] { "org_demo-u01", "org_demo-u04", "org_demo-u07" })
        {
            await movements.HandleAsync(street, Move($"budget:{DemoDistrict.HuizhanStreetId}:{year}", $"coBuilding:{unit}:{year}",
                owed[unit].Entitlement, $"{year} 年度共建活动经费"), ct);
            made++;
        }
        var district = await AdminAsync(DemoDistrict.DistrictId, ct);
        var river = (await entitlements.HandleAsync(district, "org_demo-s2", yearText, ct)).Items.Single(l => l.UnitId == "org_demo-u02");
        await movements.HandleAsync(district, Move($"budget:{DemoDistrict.DistrictId}:{year}", $"coBuilding:org_demo-u02:{year}",
            river.Entitlement, $"{year} 年度共建活动经费（区级）"), ct);
        made++;
        (string Unit, string Amount, int Seed)[] spending =
            [("org_demo-u01", "1234.56", 1), ("org_demo-u04", "8800.00", 2), ("org_demo-u07", "99.90", 3)];
        foreach (var (unit, amount, seed) in spending)
        {
            var liaison = await people.CallerAsync(DemoPeople.LiaisonOpenId(unit), ct);
            var org = await people.OrgAsync(unit, ct);
            var receipt = await evidence.PhotoAsync(OwnerType.Org, unit, new OwnerPlacement(org.Path, org.Id, org.Path), "发票.jpg",
                liaison.UserId, 7700 + seed, loadClock.GetUtcNow(), ct);
            var spent = await movements.HandleAsync(liaison, Move($"coBuilding:{unit}:{year}", $"expense:{unit}:{year}", amount,
                "共建活动物资", receipt.Id), ct);
            made++;
            if (seed == 3)
            {
                await reversals.HandleAsync(liaison, spent.Id, new ReverseMovement.Request("发票抬头有误"), ct);
                made++;
            }
        }
        return made;
    }

    /// <summary>
    /// An organisation's admin; the demo district has none of its own, so its fund is managed by dev-admin, the bootstrap admin
    /// over every organisation (as Identity's bootstrap setting makes it).
    /// </summary>
    private Task<Caller> AdminAsync(string orgId, CancellationToken ct) => orgId == DemoDistrict.DistrictId
        ? Task.FromResult(new Caller(UserIds.FromOpenId("dev-admin"), [new RoleGrant(Role.DistrictAdmin, null)]))
        : people.AdminAsync(orgId, ct);

    private static RecordMovement.Request Move(string from, string to, string amount, string memo, string? evidenceId = null) =>
        new(from, to, amount, memo, evidenceId, null, null);
}
