namespace RedYifang.Functions.Assessment;

/// <summary>An organisation's running totals for one month (China Standard Time) — or the sum of several months.</summary>
public sealed record Totals
{
    public static readonly Totals Empty = new();

    public int Published { get; init; }
    public int Matched { get; init; }
    public int Accepted { get; init; }
    public int AcceptedWithEvidence { get; init; }
    public decimal ServiceHours { get; init; }
    public int Beneficiaries { get; init; }
    public int Rated { get; init; }
    public int StarsSum { get; init; }
    public int Lapsed { get; init; }

    /// <summary>Minutes from submission to publication of each order published, kept sorted (for the median).</summary>
    public IReadOnlyList<int> ResponseMinutes { get; init; } = [];
    public int Reopened { get; init; }

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

    public Totals Plus(Totals other) => new()
    {
        Published = Published + other.Published, Matched = Matched + other.Matched, Accepted = Accepted + other.Accepted,
        AcceptedWithEvidence = AcceptedWithEvidence + other.AcceptedWithEvidence, ServiceHours = ServiceHours + other.ServiceHours,
        Beneficiaries = Beneficiaries + other.Beneficiaries, Rated = Rated + other.Rated, StarsSum = StarsSum + other.StarsSum,
        Lapsed = Lapsed + other.Lapsed, ResponseMinutes = ResponseMinutes.Concat(other.ResponseMinutes).Order().ToList(),
        Reopened = Reopened + other.Reopened,
    };

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
