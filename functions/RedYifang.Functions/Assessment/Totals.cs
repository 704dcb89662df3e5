namespace RedYifang.Functions.Assessment;

public enum FactKind
{
    Published,
    Matched,
    Accepted,
    Rated,

    /// <summary>Expired or cancelled after publishing (the community's); cancelled after matching also counts against the unit.</summary>
    Lapsed,

    /// <summary>Sent back after the unit reported it complete (验收 refused): counts against the unit.</summary>
    Reopened,
}

/// <summary>
/// Something that happened to an organisation that the assessment counts: an order published by a community
/// (with its response time), matched to or accepted from a unit (with hours, beneficiaries and whether its
/// evidence was verified), rated, lapsed, or reopened. <see cref="Id"/> is deterministic, so a fact recorded twice
/// counts once. <see cref="DistrictId"/> is the district whose assessment counts it (its organisation's).
/// </summary>
public sealed record Fact(string Id, string OrgId, FactKind Kind, DateTimeOffset At, string OrderId, bool EvidenceVerified = false,
    decimal ServiceHours = 0, int Beneficiaries = 0, int Stars = 0, int ResponseMinutes = 0, string DistrictId = "");

/// <summary>An organisation's running totals for one month (China Standard Time) — or the sum of several months.</summary>
public sealed record Totals(
    int Published, int Matched, int Accepted, int AcceptedWithEvidence, decimal ServiceHours, int Beneficiaries, int Rated, int StarsSum,
    int Lapsed, IReadOnlyList<int> ResponseMinutes, int Reopened = 0)
{
    public static readonly Totals Empty = new(0, 0, 0, 0, 0, 0, 0, 0, 0, []);

    /// <summary>
    /// Orders that failed in the organisation's hands: for a community, lapsed (expired or cancelled after it was
    /// published); for a unit, cancelled after it was matched to the unit, and each time its reported completion was
    /// refused at acceptance (reopened). See docs/assessment.md.
    /// </summary>
    public int Failures => Lapsed + Reopened;

    /// <summary>Only an accepted order with verified evidence counts towards orders, hours and beneficiaries.</summary>
    public Totals Add(Fact fact) => fact.Kind switch
    {
        FactKind.Published => this with { Published = Published + 1, ResponseMinutes = Insert(ResponseMinutes, fact.ResponseMinutes) },
        FactKind.Matched => this with { Matched = Matched + 1 },
        FactKind.Accepted when fact.EvidenceVerified => this with
        {
            Accepted = Accepted + 1, AcceptedWithEvidence = AcceptedWithEvidence + 1,
            ServiceHours = ServiceHours + fact.ServiceHours, Beneficiaries = Beneficiaries + fact.Beneficiaries,
        },
        FactKind.Accepted => this with { Accepted = Accepted + 1 },
        FactKind.Rated => this with { Rated = Rated + 1, StarsSum = StarsSum + fact.Stars },
        FactKind.Reopened => this with { Reopened = Reopened + 1 },
        _ => this with { Lapsed = Lapsed + 1 },
    };

    public Totals Plus(Totals other) => new(Published + other.Published, Matched + other.Matched, Accepted + other.Accepted,
        AcceptedWithEvidence + other.AcceptedWithEvidence, ServiceHours + other.ServiceHours, Beneficiaries + other.Beneficiaries,
        Rated + other.Rated, StarsSum + other.StarsSum, Lapsed + other.Lapsed, ResponseMinutes.Concat(other.ResponseMinutes).Order().ToList(),
        Reopened + other.Reopened);

    /// <summary>Took part in co-building in the period: at least one accepted, evidence-backed order (activities come later).</summary>
    public bool Participated => AcceptedWithEvidence > 0;

    private static List<int> Insert(IReadOnlyList<int> sorted, int value)
    {
        var list = sorted.ToList();
        var at = list.BinarySearch(value);
        list.Insert(at < 0 ? ~at : at, value);
        return list;
    }
}
