using RedYifang.Functions.Assessment;
using RedYifang.Functions.Orders;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Rules.Tests.Orders;

/// <summary>Orders filed on a resident's behalf (issue 17): Orders/SubmitOrder.cs, Orders/OrderPolicy.cs, Orders/RateOrder.cs.</summary>
public sealed class BehalfRulesTests
{
    private static readonly string[] Path = ["d1", "s1", "c1"];
    private static readonly Caller CommunityAdmin = new("usr_admin", [new RoleGrant(Role.CommunityAdmin, "c1", Path)]);
    private static readonly Caller StreetAdmin = new("usr_street", [new RoleGrant(Role.StreetAdmin, "s1", ["d1", "s1"])]);
    private static readonly Caller Resident = new("usr_res", [new RoleGrant(Role.Resident, "c1", Path)]);
    private static readonly Caller Liaison = new("usr_liaison", [new RoleGrant(Role.Liaison, "org_u", ["d1", "s1", "org_u"])]);

    private static SubmitOrder.Request Request(string? residentId = null, SubmitOrder.RepresentedRequest? represented = null) => new()
    {
        CommunityId = "org_c1", Title = "代办", Category = "elderlyCare", Description = "代为申请", Beneficiaries = 1, Urgency = "normal",
        Level = "community", ResidentId = residentId, Represented = represented,
    };

    private static Order Filed(Behalf behalf) =>
        Order.Submit(Draft, "ord_1", Path, CommunityAdmin.UserId, OrderWalk.T0, true, behalf).Order;

    private static readonly NewOrder Draft = SubmitOrder.Validate(Request()).Draft;

    private static string[] Fields(SubmitOrder.Request request) =>
        Assert.Throws<ValidationFailedException>(() => SubmitOrder.Validate(request)).Errors!.Keys.Order().ToArray();

    [Theory]
    [InlineData("13912345678", true)]
    [InlineData("139123456789", false)]
    [InlineData("23912345678", false)]
    [InlineData("1391234567８", false)]
    [InlineData("13912345678\n", false)]
    public void A_represented_phone_is_eleven_ASCII_digits_starting_with_1(string phone, bool valid)
    {
        var request = Request(represented: new("王阿姨", phone));
        if (valid) Assert.Equal(phone, SubmitOrder.Validate(request).Behalf!.Represented!.Phone);
        else Assert.Equal(["represented.phone"], Fields(request));
    }

    [Fact]
    public void A_represented_name_is_1_to_20_characters_and_residentId_and_represented_exclude_each_other()
    {
        Assert.Equal(["represented.name"], Fields(Request(represented: new(new string('名', 21), "13912345678"))));
        Assert.Equal(["represented.name"], Fields(Request(represented: new(" ", "13912345678"))));
        Assert.Equal(new string('名', 20), SubmitOrder.Validate(Request(represented: new(new string('名', 20), "13912345678"))).Behalf!
            .Represented!.Name);
        Assert.Equal(["represented"], Fields(Request("usr_x", new("王阿姨", "13912345678"))));
        Assert.Equal(["residentId"], Fields(Request("not an id")));
    }

    [Fact]
    public void Admins_over_the_community_file_for_others_and_a_resident_or_liaison_does_not()
    {
        Assert.True(OrderPolicy.MayFileFor(CommunityAdmin, Path));
        Assert.True(OrderPolicy.MayFileFor(StreetAdmin, Path));
        Assert.False(OrderPolicy.MayFileFor(Resident, Path));
        Assert.False(OrderPolicy.MayFileFor(Liaison, Path));
    }

    [Fact]
    public void Only_a_resident_grant_scoped_to_the_community_makes_a_resident_of_it()
    {
        Assert.True(SubmitOrder.IsResidentOf([new RoleGrant(Role.Resident, "org_c1")], "org_c1"));
        Assert.False(SubmitOrder.IsResidentOf([new RoleGrant(Role.Resident, "org_c2")], "org_c1"));
        Assert.False(SubmitOrder.IsResidentOf([new RoleGrant(Role.Resident, null)], "org_c1"));
        Assert.False(SubmitOrder.IsResidentOf([new RoleGrant(Role.CommunityAdmin, "org_c1")], "org_c1"));
    }

    [Fact]
    public void Filed_for_a_resident_they_own_and_rate_it_never_the_filing_admin()
    {
        var order = Filed(new Behalf(Resident.UserId, null));
        Assert.Equal((Resident.UserId, CommunityAdmin.UserId), (order.OwnerId, order.FiledBy));
        Assert.True(OrderPolicy.MayRate(Resident, order));
        Assert.False(OrderPolicy.MayRate(CommunityAdmin, order));
        Assert.True(OrderPolicy.IsOwner(Resident, order));
        Assert.False(OrderPolicy.IsOwner(CommunityAdmin, order));
    }

    [Fact]
    public void A_represented_order_has_no_owner_admins_rate_it_and_its_phone_shows_only_to_them()
    {
        var order = Filed(new Behalf(null, new RepresentedPerson("王阿姨", "13912345678")));
        Assert.Null(order.OwnerId);
        Assert.True(OrderPolicy.MayRate(CommunityAdmin, order));
        Assert.True(OrderPolicy.MayRate(StreetAdmin, order));
        Assert.False(OrderPolicy.MayRate(Resident, order));
        Assert.False(OrderPolicy.IsOwner(CommunityAdmin, order));
        Assert.Equal("13912345678", OrderView.For(StreetAdmin, order).Represented!.Phone);
        Assert.Equal("139****5678", OrderView.For(Liaison, order).Represented!.Phone);
    }

    [Fact]
    public void A_represented_rating_is_carried_onto_the_rated_fact()
    {
        var order = Filed(new Behalf(null, new RepresentedPerson("王阿姨", "13912345678")));
        bool[] Carried(Rating rating) => OrderFacts.From(new AssessmentEvent(FactKind.Rated, OrderWalk.T0,
            AssessmentTranslator.Snapshot(order with { Rating = rating }), false)).Select(f => f.Represented).ToArray();
        Assert.Equal([true], Carried(new Rating(5, null, OrderWalk.T0, Represented: true)));
        Assert.Equal([false], Carried(new Rating(5, null, OrderWalk.T0)));
    }
}
