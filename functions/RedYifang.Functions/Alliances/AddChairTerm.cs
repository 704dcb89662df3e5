using System.Globalization;
using Azure;
using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Alliances;

/// <summary>
/// The street's admins set a rotating chair's term (轮值主席): a member unit (422 otherwise), from one day to another in China
/// Standard Time (both included, at most <see cref="ChairTerm.MaxYears"/> years), never sharing a day with another term (409
/// <c>chair_term_overlaps</c>). The terms are one row replaced on its ETag: of overlapping terms asked for at once, the first
/// written wins and the others, reading again, find it.
/// </summary>
public sealed class AddChairTerm(AllianceReads reads, AllianceStore alliances)
{
    public sealed record Request(string? UnitId, string? From, string? To);

    /// <summary>The term written, as the API shows it.</summary>
    public async Task<ChairTermView> HandleAsync(Caller caller, string id, Request request, CancellationToken ct)
    {
        var term = await AddAsync(caller, id, request, ct);
        return ChairTermView.Of(term, term.Covers(ChinaTime.Today(reads.Now)));
    }

    private async Task<ChairTerm> AddAsync(Caller caller, string id, Request request, CancellationToken ct)
    {
        var (unitId, from, to) = Validate(request);
        var alliance = await reads.ManageAsync(caller, id, ct);
        try
        {
            return await ConcurrentUpdate.RunAsync(async token =>
            {
                var member = await alliances.FindMemberAsync(alliance, unitId, token);
                if (member is not { Value.State: MemberState.Active })
                {
                    throw Problems.InvalidReference("unitId", new("须为联盟的成员单位", "must be a member unit of the alliance"));
                }
                var chairs = await alliances.ChairsAsync(alliance, token);
                if (chairs.Value.Overlapping(from, to) is { } existing) throw AllianceProblems.ChairTermOverlaps(existing);
                var term = new ChairTerm(unitId, from, to, caller.UserId, reads.Now);
                await alliances.AddChairTermAsync(alliance, chairs, chairs.Value.With(term), member,
                    new AllianceEvent.ChairTermAdded(alliance, term), token);
                return term;
            }, ct);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            throw Problems.Conflict();      // lost every attempt: say so rather than fail
        }
    }

    public static (string UnitId, DateOnly From, DateOnly To) Validate(Request request)
    {
        var v = new Validator();
        var unitId = v.Id("unitId", request.UnitId);
        var from = Date(v, "from", request.From);
        var to = Date(v, "to", request.To);
        if (from is { } f && to is { } t)
        {
            if (t < f) v.Add("to", new("不能早于 from", "may not be before from"));
            else if (t >= f.AddYears(ChairTerm.MaxYears))
            {
                v.Add("to", new LocalizedText("任期最长 {0} 年", "a term is at most {0} years").Format(ChairTerm.MaxYears));
            }
        }
        v.ThrowIfInvalid();
        return (unitId!, from!.Value, to!.Value);
    }

    private static DateOnly? Date(Validator v, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            v.Add(field, Validator.Required);
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && day.Year is >= 2000 and <= 2200)
        {
            return day;
        }
        v.Add(field, new("须为 YYYY-MM-DD（2000–2200 年）", "must be YYYY-MM-DD (years 2000–2200)"));
        return null;
    }
}
