using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Activities;

/// <summary>
/// The activities organised by an organisation or one under it (a street sees its own, its communities' and its units'),
/// starting in [from, to) when given, earliest first: for admins over it and a unit's liaisons. One range of the district's
/// partition.
/// </summary>
public sealed class ListActivities(ActivityStore activities, OrgStore orgs)
{
    public sealed record Request(string? OrgId, string? From, string? To, Paging Paging);

    public async Task<ListPage<Activity>> HandleAsync(Caller caller, Request request, CancellationToken ct)
    {
        var v = new Validator();
        var orgId = v.Id("orgId", request.OrgId);
        var from = Instant(v, "from", request.From);
        var to = Instant(v, "to", request.To);
        if (from is { } f && to is { } t && t <= f) v.Add("to", new("须晚于 from", "must be after from"));
        v.ThrowIfInvalid();

        var org = await orgs.FindAsync(orgId!, ct) ?? throw Problems.NotFound("organisation");
        if (!ActivityPolicy.MayList(caller, org.Path)) throw Problems.Forbidden();
        return await activities.ListScopeAsync(org.Path[0], org.Id, from, to, request.Paging, ct);
    }

    /// <summary>An ISO-8601 instant with its offset (<c>2026-11-30T09:00:00+08:00</c>), or null when absent.</summary>
    private static DateTimeOffset? Instant(Validator v, string field, string? text)
    {
        if (text is null) return null;
        if (text.Length <= 40 && (text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > 10)
            && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.RoundtripKind, out var at)
            && at.Year is >= 2000 and <= 2200)
        {
            return at;
        }
        v.Add(field, new("须为带时区的 ISO-8601 时间，如 2026-11-30T09:00:00+08:00",
            "must be an ISO-8601 instant with offset, as 2026-11-30T09:00:00+08:00"));
        return null;
    }
}
