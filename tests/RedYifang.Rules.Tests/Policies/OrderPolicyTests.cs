using RedYifang.Functions.Orders;
using static RedYifang.Rules.Tests.Policies.World;

namespace RedYifang.Rules.Tests.Policies;

/// <summary>
/// OrderPolicy against api.md ("Visibility", "Service orders"): a resident sees their own orders, admins their scope,
/// a liaison its unit's orders and, while an order is published, the orders of its unit's street (units browse
/// published orders and claim them, domain.md). Every order is in c11; u1 and u2 are units of its street s1.
/// </summary>
public sealed class OrderPolicyTests
{
    private static readonly PolicyMatrix Matrix = new PolicyMatrix(typeof(OrderPolicy), Callers)

        // Reading: the street's liaisons only while the order is published; after the match only the provider's.
        .Allow(nameof(OrderPolicy.MayRead), "submitted order in c11", c => OrderPolicy.MayRead(c, Submitted), [Owner, .. AdminsOverC11])
        .Allow(
            nameof(OrderPolicy.MayRead),
            "published order in c11",
            c => OrderPolicy.MayRead(c, Published),
            [Owner, .. AdminsOverC11, LiaisonU1, LiaisonU2])
        .Allow(
            nameof(OrderPolicy.MayRead),
            "order in c11 matched to u1",
            c => OrderPolicy.MayRead(c, MatchedToU1),
            [Owner, .. AdminsOverC11, LiaisonU1])
        .Allow(
            nameof(OrderPolicy.MayRead),
            "order in c11 matched to u3 (a unit of s2)",
            c => OrderPolicy.MayRead(c, MatchedToU3),
            [Owner, .. AdminsOverC11, LiaisonU3])
        .Allow(
            nameof(OrderPolicy.MayRead),
            "order in c11 closed after u1 served it",
            c => OrderPolicy.MayRead(c, ClosedAfterU1),
            [Owner, .. AdminsOverC11, LiaisonU1])
        .Allow(
            nameof(OrderPolicy.MayRead),
            "order in c11 cancelled while published",
            c => OrderPolicy.MayRead(c, CancelledWhilePublished),
            [Owner, .. AdminsOverC11])

        // Publishing, rejecting, matching: community orders by admins over the community; projects above community
        // level need 立项 by the street or above (api.md: "street admin approves street/district level").
        .Allow(
            nameof(OrderPolicy.MayApprove),
            "submitted community-level order in c11",
            c => OrderPolicy.MayApprove(c, Submitted),
            AdminsOverC11)
        .Allow(
            nameof(OrderPolicy.MayApprove),
            "published community-level order in c11",
            c => OrderPolicy.MayApprove(c, Published),
            AdminsOverC11)
        .Allow(nameof(OrderPolicy.MayApprove), "street-level project in c11", c => OrderPolicy.MayApprove(c, StreetProject), AdminsOverS1)
        .Allow(
            nameof(OrderPolicy.MayApprove),
            "district-level project in c11",
            c => OrderPolicy.MayApprove(c, DistrictProject),
            AdminsOverS1)

        // Cancelling: the owner or an admin over the community, never the provider.
        .Allow(
            nameof(OrderPolicy.MayCancel),
            "submitted order in c11",
            c => OrderPolicy.MayCancel(c, Submitted),
            [Owner, .. AdminsOverC11])
        .Allow(
            nameof(OrderPolicy.MayCancel),
            "order in c11 matched to u1",
            c => OrderPolicy.MayCancel(c, MatchedToU1),
            [Owner, .. AdminsOverC11])
        .Allow(
            nameof(OrderPolicy.MayAccept),
            "order in c11 completed by u1",
            c => OrderPolicy.MayAccept(c, CompletedByU1),
            AdminsOverC11)
        .Allow(nameof(OrderPolicy.MayRate), "order in c11 accepted from u1", c => OrderPolicy.MayRate(c, AcceptedFromU1), [Owner])
        // Filed for a represented resident without an account: no owner, so the admins over its community rate it (issue 17).
        .Allow(
            nameof(OrderPolicy.MayRate),
            "represented order in c11 accepted from u1",
            c => OrderPolicy.MayRate(c, AcceptedFromU1 with { OwnerId = null, Represented = new RepresentedPerson("王阿姨", "13912345678") }),
            AdminsOverC11)
        .Allow(nameof(OrderPolicy.MayFileFor), "community c11", c => OrderPolicy.MayFileFor(c, C11.Path), AdminsOverC11)
        .Allow(nameof(OrderPolicy.SeesRepresentedPhone), "published order in c11", c => OrderPolicy.SeesRepresentedPhone(c, Published),
            AdminsOverC11)
        .Allow(nameof(OrderPolicy.IsOwner), "published order in c11", c => OrderPolicy.IsOwner(c, Published), [Owner])
        .Allow(nameof(OrderPolicy.MayClaimFor), "unit u1", c => OrderPolicy.MayClaimFor(c, U1.Id), [LiaisonU1])
        .Allow(nameof(OrderPolicy.MayClaimFor), "unit u3", c => OrderPolicy.MayClaimFor(c, U3.Id), [LiaisonU3])

        // Liaisons of units serving the order's street, whatever the order's state (MayRead adds the state).
        .Allow(
            nameof(OrderPolicy.IsLiaisonInStreet),
            "published order in c11",
            c => OrderPolicy.IsLiaisonInStreet(c, Published),
            [LiaisonU1, LiaisonU2])
        .Allow(
            nameof(OrderPolicy.IsLiaisonInStreet),
            "order in c11 matched to u3 (a unit of s2)",
            c => OrderPolicy.IsLiaisonInStreet(c, MatchedToU3),
            [LiaisonU1, LiaisonU2])

        // Agreeing, starting, completing: the matched unit's liaison; before a match nobody.
        .Allow(nameof(OrderPolicy.IsProvider), "order in c11 matched to u1", c => OrderPolicy.IsProvider(c, MatchedToU1), [LiaisonU1])
        .Allow(nameof(OrderPolicy.IsProvider), "order in c11 completed by u1", c => OrderPolicy.IsProvider(c, CompletedByU1), [LiaisonU1])
        .Allow(nameof(OrderPolicy.IsProvider), "published order in c11, no unit yet", c => OrderPolicy.IsProvider(c, Published), [])

        // The contact phone: masked in every response except to its owner (it is theirs; issue 14), the admins over the
        // order's community, and the unit matched to serve it (who must reach the resident to deliver the service).
        // Browsing liaisons read a published order with the phone masked.
        .Allow(
            nameof(OrderPolicy.SeesContact),
            "published order in c11",
            c => OrderPolicy.SeesContact(c, Published),
            [Owner, .. AdminsOverC11])
        .Allow(
            nameof(OrderPolicy.SeesContact),
            "order in c11 matched to u1",
            c => OrderPolicy.SeesContact(c, MatchedToU1),
            [Owner, .. AdminsOverC11, LiaisonU1])

        // A unit's order list: its liaison, or admins (each order then filtered by MayRead). Left out: the admin of
        // another district (the policy lets any admin anywhere list any unit).
        .Allow(
            nameof(OrderPolicy.MayListUnit),
            "unit u1",
            c => OrderPolicy.MayListUnit(c, U1.Id),
            [LiaisonU1, .. AnyAdmin.Except([DistrictAdminD2])],
            leftOut: [DistrictAdminD2]);

    public static TheoryData<string, string, string, bool> Cases => Matrix.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides_as_documented(string method, string scope, string caller, bool expected) =>
        Assert.Equal(expected, Matrix.Decide(method, scope, caller));

    [Fact]
    public void Every_public_method_has_rows() => Assert.Equal(Matrix.PublicMethods.Order(), Matrix.MethodsWithRows.Order());
}
