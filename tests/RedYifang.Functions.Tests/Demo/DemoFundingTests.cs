namespace RedYifang.Functions.Tests.Demo;

/// <summary>
/// The demo's funding at <see cref="DemoApp.Now"/> (2026): budgets set, 会展街道's three units paid their entitlements from the counts
/// of 1 January, 临河街道's u02 paid from the district fund, two expenses on verified receipts and one reversed.
/// </summary>
[Collection(Slices.Demo)]
public sealed class DemoFundingTests(DemoApp demo)
{
    private readonly AppUnderTest _app = demo.App;

    private async Task<Dictionary<string, string>> BalancesAsync(string orgId)
    {
        var page = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/funding/accounts?orgId={orgId}&year=2026", "dev-admin"))
            .ExpectAsync(200);
        return page["items"]!.AsArray().ToDictionary(a => a.Str("kind"), a => a.Str("balance"));
    }

    [Fact]
    public async Task 会展街道_paid_three_units_their_entitlements_and_they_spent_on_receipts()
    {
        var view = await (await _app.SendAsync(HttpMethod.Get, "api/v1/funding/entitlements?streetId=org_demo-s1&year=2026", "dev-street"))
            .ExpectAsync(200);
        var lines = view["items"]!.AsArray().ToDictionary(l => l.Str("unitId"), l => l!);
        Assert.Equal(("2200.00", "2200.00", "0.00"), (lines["org_demo-u01"].Str("entitlement"), lines["org_demo-u01"].Str("disbursed"),
            lines["org_demo-u01"].Str("outstanding")));
        Assert.Equal(("27400.00", "12600.00"), (lines["org_demo-u04"].Str("entitlement"), lines["org_demo-u07"].Str("entitlement")));
        Assert.Equal("42200.00", view.Str("totalDisbursed"));

        Assert.Equal("757800.00", (await BalancesAsync("org_demo-s1"))["budget"]);
        Assert.Equal("600000.00", (await BalancesAsync("org_demo-s3"))["budget"]);
        var u01 = await BalancesAsync("org_demo-u01");
        Assert.Equal(("965.44", "1234.56"), (u01["coBuilding"], u01["expense"]));
        var u07 = await BalancesAsync("org_demo-u07");
        Assert.Equal(("12600.00", "0.00"), (u07["coBuilding"], u07["expense"]));
        Assert.Equal("10600.00", (await BalancesAsync("org_demo-u02"))["coBuilding"]);

        var ledger = (await (await _app.SendAsync(HttpMethod.Get, "api/v1/funding/movements?orgId=org_demo-u07&year=2026", "dev-admin"))
            .ExpectAsync(200))["items"]!.AsArray();
        // The demo's clock stands still, so the three share an instant: found by what they are, not by their order.
        Assert.Equal(["12600.00", "99.90", "99.90"], ledger.Select(m => m.Str("amount")).Order());
        var spent = ledger.Single(m => m.Str("to") == "expense:org_demo-u07:2026")!;
        var reversal = ledger.Single(m => m!["reverses"]?.GetValue<string>() is not null)!;
        Assert.Equal((reversal.Str("id"), spent.Str("id")),
            (spent["reversedBy"]!.GetValue<string>(), reversal["reverses"]!.GetValue<string>()));
    }
}
