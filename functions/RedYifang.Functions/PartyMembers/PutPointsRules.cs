using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.PartyMembers;

/// <summary>
/// A district's admins set its points rules for a year: every source's points and monthly cap. Each change is the next
/// version; <c>If-Match</c> (the ETag of the version the admin read) refuses a change made over someone else's (412).
/// Refused rules — a source the platform does not know, a negative or missing value, one over its bound — are 400 naming the
/// field and change nothing.
/// </summary>
public sealed class PutPointsRules(PointsRulesStore rules, OrgStore orgs, TimeProvider clock)
{
    public const int MinYear = 2000;
    public const int MaxYear = 2200;

    /// <summary>The body of <c>PUT /v1/districts/{id}/points/rules/{year}</c>: <c>{sources: {checkIn: {points, monthlyCap}, …}}</c>.</summary>
    public sealed record Request(Dictionary<string, SourceRequest?>? Sources);

    public sealed record SourceRequest(int? Points, int? MonthlyCap);

    public async Task<PointsRules> HandleAsync(Caller caller, string districtId, string yearText, string? ifMatch, Request request,
        CancellationToken ct)
    {
        var year = ParseYear(yearText);
        var set = Validate(request);
        var district = await orgs.FindAsync(districtId, ct);
        if (district is not { Kind: OrgKind.District }) throw Problems.NotFound("organisation");
        if (!PartyMemberPolicy.MayWriteRules(caller, district.Path)) throw Problems.Forbidden();
        var current = await rules.CurrentAsync(district.Id, year, ct);
        if (ifMatch is not null && !Matches(ifMatch, current?.Rules)) throw Problems.PreconditionFailed();
        var next = new PointsRules
        {
            DistrictId = district.Id, Year = year, Version = (current?.Rules.Version ?? 0) + 1, Sources = set, SetBy = caller.UserId,
            SetAt = clock.GetUtcNow(),
        };
        await rules.PutAsync(next, current?.ETag, ct);
        return next;
    }

    /// <summary><c>*</c> matches any current version; otherwise one of the listed ETags must be the current one's.</summary>
    public static bool Matches(string ifMatch, PointsRules? current) =>
        current is not null && ifMatch.Split(',').Select(t => t.Trim()).Any(t => t == "*" || t == current.ETag);

    /// <summary>A year in a route: four ASCII digits, 2000–2200; 400 naming <c>year</c> otherwise.</summary>
    public static int ParseYear(string? text)
    {
        if (text is { Length: 4 } && AsciiNumber.TryParse(text, 4, out var year) && year is >= MinYear and <= MaxYear) return year;
        var v = new Validator();
        v.Add("year", new LocalizedText("须为 {0}–{1} 年", "must be a year from {0} to {1}").Format(MinYear, MaxYear));
        v.ThrowIfInvalid();
        return 0;
    }

    public static RuleSet Validate(Request request)
    {
        var v = new Validator();
        var found = new Dictionary<PointsSource, SourceRule>();
        if (request.Sources is null) v.Add("sources", Validator.Required);
        foreach (var (name, rule) in request.Sources ?? [])
        {
            var field = $"sources.{name}";
            if (!EnumText.TryParse<PointsSource>(name, out var source))
            {
                v.Add(field, new LocalizedText("未知的积分来源，可选：{0}", "unknown source; one of: {0}")
                    .Format(string.Join(", ", EnumText.Names<PointsSource>())));
                continue;
            }
            if (rule is null)
            {
                v.Add(field, Validator.Required);
                continue;
            }
            var points = v.Range($"{field}.points", rule.Points, 0, PointsRules.MaxPoints);
            var cap = v.Range($"{field}.monthlyCap", rule.MonthlyCap, 0, PointsRules.MaxMonthlyCap, required: false);
            if (points is >= 0 and <= PointsRules.MaxPoints && cap is null or (>= 0 and <= PointsRules.MaxMonthlyCap))
            {
                found[source] = new SourceRule(points.Value, cap);
            }
        }
        if (request.Sources is not null)
        {
            foreach (var missing in Enum.GetValues<PointsSource>().Where(s => !request.Sources.ContainsKey(EnumText.ToText(s))))
            {
                v.Add($"sources.{EnumText.ToText(missing)}", Validator.Required);
            }
        }
        v.ThrowIfInvalid();
        return new RuleSet(found[PointsSource.CheckIn], found[PointsSource.Attendance], found[PointsSource.Order]);
    }

}
