using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Idempotency;

namespace RedYifang.Functions.Sites;

/// <summary>The booking routes (阵地联用): each binds the request and calls its use case.</summary>
internal sealed class BookingFunctions(BookSite book, ListBookings list, CancelBooking cancel, IdempotentRequests idempotency)
{
    [Function("BookSite")]
    public async Task<IActionResult> Book(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/sites/{id}/bookings")] HttpRequest req, string id)
    {
        var body = await req.ReadJsonAsync<BookSite.Request>();
        Task MayStill() => book.MayStillAsync(req.Caller(), body, req.HttpContext.RequestAborted);
        return await idempotency.RunAsync(req, "BookSite", MayStill, async () =>
        {
            var (booking, _) = await book.HandleAsync(req.Caller(), id, body, req.HttpContext.RequestAborted);
            return ApiResult.Json(201, BookingView.Of(booking));
        });
    }

    [Function("ListBookings")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/sites/{id}/bookings")] HttpRequest req, string id)
    {
        string? Param(string name) => req.Query[name].ToString() is { Length: > 0 } value ? value : null;
        var page = await list.HandleAsync(req.Caller(), id, new ListBookings.Request(Param("from"), Param("to"), Paging.From(req)),
            req.HttpContext.RequestAborted);
        return ApiResult.Ok(new ListPage<BookingView>([.. page.Items.Select(BookingView.Of)], page.ContinuationToken));
    }

    [Function("CancelBooking")]
    public async Task<IActionResult> Cancel(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/sites/{id}/bookings/{bookingId}/cancel")] HttpRequest req,
        string id, string bookingId) =>
        ApiResult.Ok(BookingView.Of(await cancel.HandleAsync(req.Caller(), id, bookingId, req.HttpContext.RequestAborted)));
}
