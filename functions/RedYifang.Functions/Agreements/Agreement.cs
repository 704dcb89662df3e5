using System.Text.Json.Serialization;
using RedYifang.Functions.Platform.Periods;

namespace RedYifang.Functions.Agreements;

/// <summary>
/// A co-building agreement (共驻共建协议书) between a party organisation (a street or a community) and a unit or volunteer
/// team of its street: a term, a liaison and what the unit commits to. The paths of both parties are kept on it, so scope
/// checks need no extra read, and its district (<see cref="DistrictId"/>) is the partition every row of it lives in. It
/// changes only through its own methods, which return the new agreement and the events the change caused.
/// </summary>
public sealed record Agreement
{
    /// <summary>How many days before the end of the term the renewal notice is raised (issue 15).</summary>
    public const int RenewalNoticeDays = 30;

    public required string Id { get; init; }
    public required string DistrictId { get; init; }
    public required string PartyOrgId { get; init; }
    public required IReadOnlyList<string> PartyOrgPath { get; init; }
    public required string UnitId { get; init; }
    public required IReadOnlyList<string> UnitPath { get; init; }
    public required DateOnly TermFrom { get; init; }
    public required DateOnly TermTo { get; init; }
    public required string LiaisonUserId { get; init; }
    public required IReadOnlyList<Commitment> Commitments { get; init; }
    public required AgreementState State { get; init; }

    /// <summary>The party organisation's signature (an admin over it).</summary>
    public Signature? Signature { get; init; }

    /// <summary>The unit's countersignature (the named liaison).</summary>
    public Signature? Countersignature { get; init; }

    /// <summary>When the renewal notice was raised; null until then (it is raised once).</summary>
    public DateTimeOffset? RenewalDueAt { get; init; }
    public required IReadOnlyList<AgreementStep> History { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    [JsonIgnore]
    public AgreementTerm Term => new(TermFrom, TermTo);

    /// <summary>Every organisation on either party's path, from the district down: the scopes the agreement is listed under.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Scopes => [.. PartyOrgPath.Union(UnitPath, StringComparer.Ordinal)];

    /// <summary>A new draft, written by an admin over the party organisation.</summary>
    public static AgreementChange Create(NewAgreement draft, string id, IReadOnlyList<string> partyOrgPath, IReadOnlyList<string> unitPath,
        string by, DateTimeOffset at)
    {
        var agreement = new Agreement
        {
            Id = id, DistrictId = partyOrgPath[0], PartyOrgId = partyOrgPath[^1], PartyOrgPath = partyOrgPath, UnitId = unitPath[^1],
            UnitPath = unitPath, TermFrom = draft.Term.From, TermTo = draft.Term.To, LiaisonUserId = draft.LiaisonUserId,
            Commitments = draft.Commitments, State = AgreementState.Draft,
            History = [new AgreementStep(AgreementAction.Create, null, AgreementState.Draft, by, at, null)], CreatedAt = at, UpdatedAt = at,
        };
        return new AgreementChange(agreement, [new AgreementEvent.Created(agreement)]);
    }

    /// <summary>The party organisation signs; if the unit has countersigned already, the agreement becomes active.</summary>
    public AgreementChange Sign(string by, DateTimeOffset at)
    {
        AgreementLifecycle.Check(AgreementAction.Sign, State);
        if (Signature is not null) throw AgreementLifecycle.AlreadySigned(AgreementAction.Sign);
        return Signing(this with { Signature = new Signature(by, at) }, AgreementAction.Sign, by, at);
    }

    /// <summary>The unit's liaison countersigns; if the party organisation has signed already, the agreement becomes active.</summary>
    public AgreementChange Countersign(string by, DateTimeOffset at)
    {
        AgreementLifecycle.Check(AgreementAction.Countersign, State);
        if (Countersignature is not null) throw AgreementLifecycle.AlreadySigned(AgreementAction.Countersign);
        return Signing(this with { Countersignature = new Signature(by, at) }, AgreementAction.Countersign, by, at);
    }

    /// <summary>Ends a draft or an active agreement early, with the reason.</summary>
    public AgreementChange Terminate(string by, DateTimeOffset at, string reason)
    {
        AgreementLifecycle.Check(AgreementAction.Terminate, State);
        var after = Step(AgreementAction.Terminate, AgreementState.Terminated, by, at, reason);
        return new AgreementChange(after, [new AgreementEvent.Terminated(after, State)]);
    }

    /// <summary>True once the last day of the term is over in China (the day after <see cref="TermTo"/> has begun).</summary>
    public bool HasEnded(DateTimeOffset now) => ChinaTime.Today(now) > TermTo;

    /// <summary>An active agreement whose term has ended expires (the agreements timer).</summary>
    public AgreementChange Expire(DateTimeOffset at)
    {
        AgreementLifecycle.Check(AgreementAction.Expire, State);
        if (!HasEnded(at)) throw new InvalidOperationException($"Agreement {Id} runs until {TermTo}; it cannot expire at {at}.");
        var after = Step(AgreementAction.Expire, AgreementState.Expired, "system", at, "协议期满");
        return new AgreementChange(after, [new AgreementEvent.Expired(after)]);
    }

    /// <summary>
    /// Active, not yet noticed, and the term ends within <see cref="RenewalNoticeDays"/> days (China's today counted): the
    /// renewal notice is due.
    /// </summary>
    public bool IsRenewalDue(DateTimeOffset now) =>
        State == AgreementState.Active && RenewalDueAt is null && ChinaTime.Today(now).AddDays(RenewalNoticeDays) >= TermTo;

    /// <summary>Raises the renewal notice (once): the state stays as it is.</summary>
    public AgreementChange NoteRenewalDue(DateTimeOffset at)
    {
        if (!IsRenewalDue(at)) throw new InvalidOperationException($"Agreement {Id} owes no renewal notice at {at}.");
        var after = this with { RenewalDueAt = at, UpdatedAt = at };
        return new AgreementChange(after, [new AgreementEvent.RenewalDue(after)]);
    }

    private static AgreementChange Signing(Agreement signed, AgreementAction action, string by, DateTimeOffset at)
    {
        var both = signed.Signature is not null && signed.Countersignature is not null;
        var after = signed.Step(action, both ? AgreementState.Active : AgreementState.Draft, by, at, null);
        AgreementEvent side = action == AgreementAction.Sign ? new AgreementEvent.Signed(after) : new AgreementEvent.Countersigned(after);
        return new AgreementChange(after, both ? [side, new AgreementEvent.Activated(after)] : [side]);
    }

    private Agreement Step(AgreementAction action, AgreementState to, string by, DateTimeOffset at, string? reason) =>
        this with { State = to, History = [.. History, new AgreementStep(action, State, to, by, at, reason)], UpdatedAt = at };
}
