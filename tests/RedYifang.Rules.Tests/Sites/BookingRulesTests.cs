using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Sites;

namespace RedYifang.Rules.Tests.Sites;

/// <summary>
/// Overlap between bookings, a day's lock row, cancelling, and what <c>POST /v1/sites/{id}/bookings</c> refuses before reading.
/// </summary>
public sealed class BookingRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private static DateTimeOffset At(double hours) => T0.AddHours(hours);

    [Theory]
    [InlineData(0, 2, 1, 3, true)]    // partial, from inside
    [InlineData(1, 3, 0, 2, true)]    // partial, the other way
    [InlineData(0, 4, 1, 2, true)]    // contains
    [InlineData(1, 2, 0, 4, true)]    // contained
    [InlineData(0, 2, 0, 2, true)]    // the same time
    [InlineData(0, 2, 2, 4, false)]   // back to back
    [InlineData(2, 4, 0, 2, false)]   // back to back, the other way
    [InlineData(0, 1, 3, 4, false)]   // apart
    public void Two_times_overlap_when_each_starts_before_the_other_ends(double a, double b, double c, double d, bool overlap) =>
        Assert.Equal(overlap, Booking.Overlaps(At(a), At(b), At(c), At(d)));

    [Fact]
    public void A_day_names_the_booking_a_time_would_clash_with_and_frees_a_cancelled_one()
    {
        var first = Booked("bkg_d-1", 0, 2);
        var day = BookingDay.Empty.With(first).With(Booked("bkg_d-2", 3, 4));

        Assert.Equal("bkg_d-1", day.Clash(At(1), At(3))?.BookingId);
        Assert.Null(day.Clash(At(2), At(3)));
        Assert.Null(day.Without("bkg_d-1").Clash(At(1), At(3)));
        Assert.Equal(["bkg_d-2"], day.Without("bkg_d-1").Slots.Select(s => s.BookingId));
    }

    [Fact]
    public void A_cancelled_booking_is_not_cancelled_again()
    {
        var cancelled = Booked("bkg_d-1", 0, 1).Cancel("usr_b", At(-1));

        Assert.Equal((BookingState.Cancelled, "usr_b", (DateTimeOffset?)At(-1)),
            (cancelled.State, cancelled.CancelledBy, cancelled.CancelledAt));
        Assert.Equal("invalid_transition", Assert.Throws<InvalidTransitionException>(() => cancelled.Cancel("usr_b", At(0))).Code);
    }

    [Fact]
    public void A_request_needs_its_organisation_and_times_with_their_offset_from_after_now_to_after_from()
    {
        var now = T0.AddDays(-1);
        var ok = BookSite.Validate(new BookSite.Request("org_u1", "2026-06-01T09:00:00+08:00", "2026-06-01T01:30:00Z", null), now);
        Assert.Equal((At(0), At(0.5)), (ok.From, ok.To));

        Assert.Equal(["from", "orgId", "to"], Errors(new BookSite.Request(null, null, null, null), now).Keys.Order(StringComparer.Ordinal));
        foreach (var noOffset in new[] { "2026-06-01T09:00:00", "2026-06-01", "2026-06-01T09:00:00+08:00\n", "２026-06-01T09:00:00Z" })
        {
            Assert.Equal(["must be an ISO-8601 instant with offset, as 2026-06-01T09:00:00+08:00"],
                Errors(new BookSite.Request("org_u1", noOffset, "2026-06-01T10:00:00+08:00", null), now)["from"]);
        }
        Assert.Equal(["must be after from"],
            Errors(new BookSite.Request("org_u1", "2026-06-01T10:00:00+08:00", "2026-06-01T10:00:00+08:00", null), now)["to"]);
        var nineToTen = new BookSite.Request("org_u1", "2026-06-01T09:00:00+08:00", "2026-06-01T10:00:00+08:00", null);
        Assert.Equal(["must be after now and within a year"], Errors(nineToTen, T0.AddMinutes(1))["from"]);
        Assert.Equal(["must be after now and within a year"], Errors(nineToTen, T0.AddDays(-367))["from"]);
        Assert.Equal([Validator.NotAnId.En],
            Errors(new BookSite.Request("org_u1", "2026-06-01T09:00:00+08:00", "2026-06-01T10:00:00+08:00", "act 1"), now)["activityId"]);
    }

    private static Dictionary<string, string[]> Errors(BookSite.Request request, DateTimeOffset now) =>
        Assert.Throws<ValidationFailedException>(() => BookSite.Validate(request, now)).Errors!
            .ToDictionary(e => e.Key, e => e.Value.Select(m => m.En).ToArray());

    private static Booking Booked(string id, double from, double to) => new()
    {
        Id = id, SiteId = "site_d-1", DistrictId = "org_d", OrgId = "org_u", OrgPath = ["org_d", "org_s", "org_u"], From = At(from),
        To = At(to), State = BookingState.Active, BookedBy = "usr_a", BookedAt = T0.AddDays(-1),
    };
}
