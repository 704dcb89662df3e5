using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using RedYifang.Functions.Orders;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Rules.Tests.Orders;

/// <summary>
/// What a reported completion refuses before it reads anything, each refusal naming its field, and who it names as having
/// served in person: those in <c>servedBy</c> (each once, 1–20 user ids), or the reporting user when it is left out.
/// </summary>
public sealed class CompleteOrderValidationTests
{
    private const string Completer = "usr_liaison";

    private static CompleteOrder.Request Body(List<string?>? servedBy) => new(["evd_1"], 2.5m, 3, servedBy);

    private static string[] Refused(CompleteOrder.Request body) =>
        [.. Assert.Throws<ValidationFailedException>(() => CompleteOrder.Validate(body, Completer)).Errors!.Keys
            .Order(StringComparer.Ordinal)];

    [Fact]
    public void Left_out_the_reporting_user_served_and_named_those_named_served_in_the_order_given()
    {
        Assert.Equal([Completer], CompleteOrder.Validate(Body(null), Completer).ServedBy);
        Assert.Equal(["usr_b", "usr_a"], CompleteOrder.Validate(Body(["usr_b", "usr_a"]), Completer).ServedBy);
        var twenty = Enumerable.Range(0, Completion.MaxServedBy).Select(i => (string?)$"usr_{i}").ToList();
        Assert.Equal(20, CompleteOrder.Validate(Body(twenty), Completer).ServedBy.Count);
    }

    [Fact]
    public void ServedBy_needs_one_to_twenty_well_formed_user_ids_each_once()
    {
        Assert.Equal(["servedBy"], Refused(Body([])));
        Assert.Equal(["servedBy"], Refused(Body([.. Enumerable.Range(0, 21).Select(i => (string?)$"usr_{i}")])));
        // Twenty-one copies of one id are refused for their number, not folded into one.
        Assert.Equal(["servedBy"], Refused(Body([.. Enumerable.Repeat((string?)"usr_a", 21)])));
        Assert.Equal(["servedBy[1]"], Refused(Body(["usr_a", "usr_a"])));
        Assert.Equal(["servedBy[0]", "servedBy[2]", "servedBy[3]"], Refused(Body(["org_c1", "usr_a", null, "usr_a\n"])));
        Assert.Equal(["servedBy[0]", "serviceHours"], Refused(new CompleteOrder.Request(["evd_1"], null, 3, ["用户"])));
    }

    [Fact]
    public void A_completion_stored_before_orders_recorded_who_served_reads_with_nobody_named()
    {
        var order = OrderWalk.InProgress().Complete(OrderWalk.FirstCompletion with { ServedBy = ["usr_a"] }, OrderWalk.Liaison).Order;
        var doc = JsonNode.Parse(JsonSerializer.Serialize(order, Json.Options))!.AsObject();
        Assert.Equal(["usr_a"], doc["completion"]!["servedBy"]!.AsArray().Select(u => u!.GetValue<string>()));
        doc["completion"]!.AsObject().Remove("servedBy");                                // the row as written before

        var read = JsonRows.Read<Order>(new TableEntity("c1", "order|ord_1") { ["Doc"] = doc.ToJsonString(Json.Options) });

        Assert.Empty(read.Completion!.ServedBy);
        Assert.Equal(OrderWalk.FirstCompletion.EvidenceIds, read.Completion.EvidenceIds);
        Assert.Equal((3.5m, OrderState.Completed), (read.Completion.ServiceHours, read.State));
    }
}
