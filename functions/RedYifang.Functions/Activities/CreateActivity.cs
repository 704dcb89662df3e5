using RedYifang.Functions.Orders;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Storage;
using RedYifang.Functions.Platform.Idempotency;

namespace RedYifang.Functions.Activities;

/// <summary>
/// Whoever acts for an organisation (its admins, a unit's liaisons) announces an activity it organises. It may deliver a
/// commitment of a co-building agreement whose unit is the organiser (asked of Agreements through
/// <see cref="IActivityAgreements"/>) and serve an order of the organiser's district (Orders' public read side).
/// </summary>
public sealed class CreateActivity(ActivityStore activities, OrgStore orgs, OrderQueries orders, IActivityAgreements agreements,
    TimeProvider clock)
{
    public const int MaxCapacity = 10_000;
    public const int MaxCommitmentIndex = 19;

    /// <summary>How far from now an activity may start: recorded up to a year after, announced up to a year ahead.</summary>
    public static readonly TimeSpan MaxDistance = TimeSpan.FromDays(366);

    /// <summary>The body of <c>POST /v1/activities</c>; every member optional here, validated below.</summary>
    public sealed record Request
    {
        public string? OrganiserOrgId { get; init; }
        public string? Kind { get; init; }
        public string? Title { get; init; }
        public DateTimeOffset? StartsAt { get; init; }
        public DateTimeOffset? EndsAt { get; init; }
        public int? Capacity { get; init; }
        public string? SiteId { get; init; }
        public string? AgreementId { get; init; }
        public int? CommitmentIndex { get; init; }
        public string? OrderId { get; init; }
    }

    /// <summary>Whether the caller may (still) create activities for the organiser the request names.</summary>
    public async Task MayStillAsync(Caller caller, Request request, CancellationToken ct)
    {
        var organiser = Keys.IsWellFormedId(request.OrganiserOrgId) ? await orgs.FindAsync(request.OrganiserOrgId!, ct) : null;
        if (organiser is null || !ActivityPolicy.MayCreateFor(caller, organiser.Path)) throw Problems.Forbidden();
    }

    public async Task<Activity> HandleAsync(Caller caller, Request request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var draft = Validate(request, now);
        var organiser = await orgs.FindAsync(draft.OrganiserOrgId, ct)
            ?? throw Problems.InvalidReference("organiserOrgId", new("不是已登记的组织", "is not a registered organisation"));
        if (!ActivityPolicy.MayCreateFor(caller, organiser.Path)) throw Problems.Forbidden();
        var link = await LinkAsync(draft, organiser, ct);
        if (draft.OrderId is { } orderId
            && (await orders.FindAsync(orderId, ct) is not { } order || order.CommunityPath[0] != organiser.Path[0]))
        {
            throw Problems.InvalidReference("orderId", new("须为主办组织所在区的订单", "must be an order of the organiser's district"));
        }
        var change = Activity.Create(draft, Keys.NewChildId("act", organiser.Path[0], clock), organiser.Path, link, CheckinCode.NewSecret(),
            caller.UserId, now);
        var first = await CreateOnce.AddAsync(() => activities.AddAsync(change, ct),
            async () => (await activities.FindAsync(change.Activity.Id, ct))?.Activity);
        return first ?? change.Activity;
    }

    /// <summary>
    /// The commitment the activity delivers: of an agreement in force (or a draft) whose unit is the organiser, a service commitment.
    /// </summary>
    private async Task<AgreementLink?> LinkAsync(NewActivity draft, Org organiser, CancellationToken ct)
    {
        if (draft.AgreementId is not { } agreementId) return null;
        var index = draft.CommitmentIndex!.Value;
        var info = await agreements.CommitmentAsync(agreementId, index, ct);
        if (info is null || info.UnitId != organiser.Id || !info.Open)
        {
            throw Problems.InvalidReference("agreementId", new("须为主办单位作为一方、尚在有效期内（或待签署）的共建协议",
                "must be an agreement in force (or a draft) whose unit is the organiser"));
        }
        if (info.Commitment is not { IsService: true } commitment)
        {
            throw Problems.InvalidReference("commitmentIndex",
                new("须为该协议中服务类承诺的序号", "must be the index of a service commitment of the agreement"));
        }
        return new AgreementLink(agreementId, index, commitment.Category);
    }

    public static NewActivity Validate(Request request, DateTimeOffset now)
    {
        var v = new Validator();
        var organiserOrgId = v.Id("organiserOrgId", request.OrganiserOrgId);
        var kind = v.OneOf<ActivityKind>("kind", request.Kind);
        var title = v.Text("title", request.Title, 100);
        var startsAt = v.RequiredValue("startsAt", request.StartsAt);
        var endsAt = v.RequiredValue("endsAt", request.EndsAt);
        if (startsAt is { } s && (s < now - MaxDistance || s > now + MaxDistance))
        {
            v.Add("startsAt", new("须在当前时间前后一年之内", "must be within a year of now"));
        }
        if (startsAt is { } from && endsAt is { } to)
        {
            if (to <= from) v.Add("endsAt", new("须晚于 startsAt", "must be after startsAt"));
            else if (to - from > Activity.MaxLength) v.Add("endsAt", new("活动时长最长 24 小时", "the activity lasts at most 24 hours"));
        }
        var capacity = v.Range("capacity", request.Capacity, 1, MaxCapacity, required: false);
        var siteId = v.Id("siteId", request.SiteId, required: false);
        var agreementId = v.Id("agreementId", request.AgreementId, required: false);
        var commitmentIndex = v.Range("commitmentIndex", request.CommitmentIndex, 0, MaxCommitmentIndex, required: agreementId is not null);
        if (request.AgreementId is null && request.CommitmentIndex is not null)
        {
            v.Add("commitmentIndex", new("须与 agreementId 一同填写", "goes with agreementId"));
        }
        var orderId = v.Id("orderId", request.OrderId, required: false);
        v.ThrowIfInvalid();
        return new NewActivity
        {
            OrganiserOrgId = organiserOrgId!, Kind = kind!.Value, Title = title!, StartsAt = startsAt!.Value, EndsAt = endsAt!.Value,
            Capacity = capacity, SiteId = siteId, AgreementId = agreementId, CommitmentIndex = commitmentIndex, OrderId = orderId,
        };
    }
}
