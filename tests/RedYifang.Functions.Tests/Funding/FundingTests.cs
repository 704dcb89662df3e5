using System.Net;

namespace RedYifang.Functions.Tests.Funding;

/// <summary>
/// Funding over HTTP on Azurite: budgets (defaults from the options, set by their own admins), the double-entry ledger and its
/// balances, overdraws refused also under twenty disbursements at once, expenses only with a verified receipt, reversals instead of
/// deletions, and entitlements from the party counts of 1 January.
/// </summary>
[Collection(FundingSlice.Name)]
public sealed class FundingTests(FundingApp slice) : IAsyncLifetime
{
    private readonly AppUnderTest _app = slice.App;
    private TestDistrict _d = null!;

    public async Task InitializeAsync() => _d = await slice.DistrictAsync("funding");

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpResponseMessage> MoveAsync(string asOpenId, string from, string to, string amount, string? evidenceId = null,
        string memo = "拨付") =>
        _app.SendAsync(HttpMethod.Post, "api/v1/funding/movements", asOpenId, new { from, to, amount, memo, evidenceId });

    private async Task<Dictionary<string, string>> BalancesAsync(string orgId, int year, string asOpenId)
    {
        var page = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/funding/accounts?orgId={orgId}&year={year}", asOpenId))
            .ExpectAsync(200);
        return page["items"]!.AsArray().ToDictionary(a => a.Str("kind"), a => a.Str("balance"));
    }

    private async Task<string> NewStreetAsync(string name) => await _d.OrgAsync(_app, "street", _d.DistrictId, name);

    [Fact]
    public async Task A_streets_budget_opens_at_the_configured_default_and_only_its_own_admin_sets_it()
    {
        var accounts = await BalancesAsync(_d.StreetId, 2031, _d.StreetAdmin);
        Assert.Equal(("1000.50", "0.00"), (accounts["budget"], accounts["expense"]));
        var district = await BalancesAsync(_d.DistrictId, 2031, _d.DistrictAdmin);
        Assert.Equal("2000000.00", district["budget"]);

        await (await _app.SendAsync(HttpMethod.Put, $"api/v1/funding/budgets/{_d.StreetId}/2031", _d.DistrictAdmin,
            new { amount = "5.00" }))
            .ExpectProblemAsync(403, "forbidden");
        var refused = await (await _app.SendAsync(HttpMethod.Put, $"api/v1/funding/budgets/{_d.StreetId}/2031", _d.StreetAdmin,
            new { amount = 800000.00 })).ExpectProblemAsync(400, "validation_failed");
        Assert.Contains("amount", refused.Errors().Keys);
        var set = await (await _app.SendAsync(HttpMethod.Put, $"api/v1/funding/budgets/{_d.StreetId}/2031", _d.StreetAdmin,
            new { amount = "800000.10" })).ExpectAsync(200);
        Assert.Equal(("800000.10", true), (set.Str("balance"), set["budgetSet"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task A_disbursement_moves_money_from_the_budget_to_the_units_fund_and_an_overdraw_is_409_writing_nothing()
    {
        var street = await NewStreetAsync("拨付街道");
        var unit = await _d.OrgAsync(_app, "unit", street, "拨付单位", "agency");
        var (budget, fund) = ($"budget:{street}:2031", $"coBuilding:{unit}:2031");

        var moved = await (await MoveAsync(_d.Admin, budget, fund, "0.10")).ExpectAsync(201);
        await (await MoveAsync(_d.Admin, budget, fund, "0.10")).ExpectAsync(201);
        await (await MoveAsync(_d.Admin, budget, fund, "0.10")).ExpectAsync(201);
        Assert.Equal(("0.10", budget, fund), (moved.Str("amount"), moved.Str("from"), moved.Str("to")));
        Assert.Equal("0.30", (await BalancesAsync(unit, 2031, _d.Admin))["coBuilding"]);

        var over = await (await MoveAsync(_d.Admin, budget, fund, "1000.21")).ExpectProblemAsync(409, "budget_exceeded");
        Assert.Contains("1000.20", over.Str("detail"));
        await (await MoveAsync(_d.Admin, budget, fund, "1000.20")).ExpectAsync(201);
        Assert.Equal("0.00", (await BalancesAsync(street, 2031, _d.Admin))["budget"]);
        var ledger = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/funding/movements?orgId={unit}&year=2031",
            _d.Admin)).ExpectAsync(200);
        Assert.Equal(["0.10", "0.10", "0.10", "1000.20"], ledger["items"]!.AsArray().Select(m => m.Str("amount")));

        await (await MoveAsync(_d.Liaison, budget, fund, "1.00")).ExpectProblemAsync(403, "forbidden");
        await (await MoveAsync(_d.Admin, fund, budget, "0.10")).ExpectProblemAsync(422, "movement_not_allowed");
        await (await MoveAsync(_d.Admin, budget, $"coBuilding:{unit}:2032", "0.10")).ExpectProblemAsync(422, "movement_not_allowed");
    }

    [Fact]
    public async Task Of_twenty_disbursements_at_once_near_the_limit_exactly_as_many_commit_as_the_balance_allows()
    {
        var street = await NewStreetAsync("并发街道");
        var unit = await _d.OrgAsync(_app, "unit", street, "并发单位", "agency");
        var (budget, fund) = ($"budget:{street}:2031", $"coBuilding:{unit}:2031");
        await (await MoveAsync(_d.Admin, budget, fund, "900.50")).ExpectAsync(201);   // 100.00 left: room for ten of 10.00

        slice.Barrier.Arm(r => r.Method == Azure.Core.RequestMethod.Get && r.Uri.ToString().Contains("acct%7Cbudget",
            StringComparison.Ordinal), 20);
        HttpResponseMessage[] answers;
        try
        {
            answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => MoveAsync(_d.Admin, budget, fund, "10.00")));
        }
        finally
        {
            Assert.Equal(20, slice.Barrier.Held);
            slice.Barrier.Disarm();
        }

        Assert.Equal(10, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(10, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(("0.00", "1000.50"), ((await BalancesAsync(street, 2031, _d.Admin))["budget"], (await BalancesAsync(unit,
            2031, _d.Admin))["coBuilding"]));
    }

    [Fact]
    public async Task An_expense_needs_a_verified_receipt_of_the_payer_each_receipt_backs_one_and_a_reversal_undoes_instead_of_deleting()
    {
        var street = await NewStreetAsync("支出街道");
        var unit = await _d.OrgAsync(_app, "unit", street, "支出单位", "agency");
        var (budget, fund, expense) = ($"budget:{street}:2031", $"coBuilding:{unit}:2031", $"expense:{unit}:2031");
        var paid = await (await MoveAsync(_d.Admin, budget, fund, "500.00")).ExpectAsync(201);

        var none = await (await MoveAsync(_d.Admin, fund, expense, "120.35", memo: "购买活动物资"))
            .ExpectProblemAsync(400, "validation_failed");
        Assert.Equal(["evidenceId"], none.Errors().Keys);
        var elsewhere = await _app.UploadAsync(_d.Admin, "org", _d.UnitId, Photos.Jpeg(7101));
        await (await MoveAsync(_d.Admin, fund, expense, "120.35", elsewhere.Str("id"))).ExpectProblemAsync(422, "receipt_required");
        Assert.Equal("500.00", (await BalancesAsync(unit, 2031, _d.Admin))["coBuilding"]);

        var receipt = await _app.UploadAsync(_d.Admin, "org", unit, Photos.Jpeg(7102));
        Assert.Equal("verified", receipt.Str("state"));
        var spent = await (await MoveAsync(_d.Admin, fund, expense, "120.35", receipt.Str("id"))).ExpectAsync(201);
        await (await MoveAsync(_d.Admin, fund, expense, "1.00", receipt.Str("id"))).ExpectProblemAsync(409, "receipt_used");
        Assert.Equal(("379.65", "120.35"), ((await BalancesAsync(unit, 2031, _d.Admin))["coBuilding"], (await BalancesAsync(unit,
            2031, _d.Admin))["expense"]));

        var reversal = await (await _app.SendAsync(HttpMethod.Post, $"api/v1/funding/movements/{spent.Str("id")}/reverse", _d.Admin,
            new { reason = "发票有误" })).ExpectAsync(201);
        Assert.Equal((expense, fund, "120.35", spent.Str("id")), (reversal.Str("from"), reversal.Str("to"), reversal.Str("amount"),
            reversal.Str("reverses")));
        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/funding/movements/{spent.Str("id")}/reverse", _d.Admin,
            new { reason = "再次" }))
            .ExpectProblemAsync(409, "already_reversed");
        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/funding/movements/{reversal.Str("id")}/reverse", _d.Admin,
            new { reason = "再次" }))
            .ExpectProblemAsync(422, "reversal_not_allowed");
        Assert.Equal(("500.00", "0.00"), ((await BalancesAsync(unit, 2031, _d.Admin))["coBuilding"], (await BalancesAsync(unit,
            2031, _d.Admin))["expense"]));

        var ledger = (await (await _app.SendAsync(HttpMethod.Get, $"api/v1/funding/movements?orgId={unit}&year=2031", _d.Admin))
            .ExpectAsync(200))["items"]!.AsArray();
        Assert.Equal(3, ledger.Count);
        Assert.Equal(reversal.Str("id"), ledger.Single(m => m.Str("id") == spent.Str("id"))!["reversedBy"]!.GetValue<string>());
        Assert.Equal(paid.Str("id"), ledger[0]!.Str("id"));
    }

    [Fact]
    public async Task Entitlements_use_the_counts_in_force_on_1_January_and_show_what_was_disbursed()
    {
        var street = await NewStreetAsync("权益街道");
        var unit = await _d.OrgAsync(_app, "unit", street, "权益单位", "stateEnterprise");
        await (await _app.SendAsync(HttpMethod.Patch, $"api/v1/orgs/{unit}", _d.Admin, new { partyBranches = 2, partyMembers = 11 },
            new Dictionary<string, string> { ["If-Match"] = "*" })).ExpectAsync(200);
        await (await MoveAsync(_d.Admin, $"budget:{street}:2031", $"coBuilding:{unit}:2031", "1000.00")).ExpectAsync(201);

        var view = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/funding/entitlements?streetId={street}&year=2031", _d.Admin))
            .ExpectAsync(200);
        Assert.Equal(("1000.00", "200.00", "2031-01-01T00:00:00+08:00"), (view["rule"].Str("perBranch"), view["rule"].Str("perMember"),
            view["rule"]!["countsAsOf"]!.GetValue<DateTimeOffset>().ToString("yyyy-MM-ddTHH:mm:sszzz",
                System.Globalization.CultureInfo.InvariantCulture)));
        var line = Assert.Single(view["items"]!.AsArray())!;
        Assert.Equal((2, 11, "4200.00", "1000.00", "3200.00"), (line["partyBranches"]!.GetValue<int>(),
            line["partyMembers"]!.GetValue<int>(),
            line.Str("entitlement"), line.Str("disbursed"), line.Str("outstanding")));

        var thisYear = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/funding/entitlements?streetId={street}&year=2026", _d.Admin))
            .ExpectAsync(200);
        Assert.Empty(thisYear["items"]!.AsArray());
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/funding/entitlements?streetId={street}&year=2031", _d.Liaison))
            .ExpectProblemAsync(404, "not_found");
    }
}
