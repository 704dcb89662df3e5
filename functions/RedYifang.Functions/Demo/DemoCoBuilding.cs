namespace RedYifang.Functions.Demo;

/// <summary>
/// The demo's co-building (共驻共建): the people it needs, party members' reports and the points rules, the agreements, then the
/// activities that deliver them and earn the members their points — in that order, since an award needs the member's role and
/// the year's rules, and an activity delivering a commitment needs its agreement. Every step goes through the features' own use
/// cases on a clock set to when it happened (<see cref="DemoClock"/>).
/// </summary>
public sealed class DemoCoBuilding(DemoPeople people, DemoPartyMembers members, DemoAgreements agreements, DemoActivities activities)
{
    /// <summary>
    /// The people and the party members' reports and points rules, which the service menu needs first: its accepted orders name
    /// members who served them, and an award needs the member's role and the year's rules. Each step is looked up before it is
    /// made, so calling it again adds nothing.
    /// </summary>
    public async Task MembersAsync(CancellationToken ct)
    {
        await people.EnsureAsync(ct);
        await members.SeedAsync(ct);
    }

    /// <summary>Returns how many reports, agreements and activities the demo holds.</summary>
    public async Task<int> SeedAsync(CancellationToken ct)
    {
        await MembersAsync(ct);
        var signed = await agreements.SeedAsync(ct);
        return DemoPeople.MemberCount + signed.Count + await activities.SeedAsync(signed, ct);
    }
}
