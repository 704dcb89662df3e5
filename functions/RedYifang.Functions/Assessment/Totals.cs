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

    /// <summary>Money the unit gave (funding ledger's donor movements, less their reversals), in fen.</summary>
    public long FundsGivenFen { get; init; }
    /// <summary>Orders the unit gave back while matched or agreed (a failure; shown apart in the statistics).</summary>
    public int Declined { get; init; }
    /// <summary>Accepted orders nobody rated, closed by the system: no satisfaction either way, counted apart from <see cref="Rated"/>.</summary>
    public int ClosedUnrated { get; init; }

    /// <summary>
    /// Households of a community served, by the period they were counted for (<c>2026-10</c>, <c>2026-Q4</c>, <c>2026</c>): each
    /// household once per period, in the totals of the period's first month (<see cref="HouseholdsServed"/>).
    /// </summary>
    public IReadOnlyDictionary<string, int> HouseholdsServed { get; init; } = new SortedDictionary<string, int>(StringComparer.Ordinal);

    /// <summary>Activities the organisation held that were closed with verified evidence.</summary>
    public int ActivitiesClosed { get; init; }

    /// <summary>Deliveries Agreements recorded for the unit, by <c>{category}|{day}</c> (China Standard Time).</summary>
    public IReadOnlyDictionary<string, int> Deliveries { get; init; } = new SortedDictionary<string, int>(StringComparer.Ordinal);

    /// <summary>The unit's agreements in force, by <c>{agreementId}|{month}</c>: the part of each term in each month.</summary>
    public IReadOnlyDictionary<string, AgreementShare> Agreements { get; init; } =
        new SortedDictionary<string, AgreementShare>(StringComparer.Ordinal);

    /// <summary>What the organisation received in closed evaluation windows, by period (<c>2026-10</c>, <c>2026-Q4</c>, <c>2026</c>).</summary>
    public IReadOnlyDictionary<string, EvaluationShare> Evaluations { get; init; } =
        new SortedDictionary<string, EvaluationShare>(StringComparer.Ordinal);

    /// <summary>
    /// Orders that failed in the organisation's hands: for a community, lapsed (expired or cancelled after it was
    /// published); for a unit, cancelled after it was matched to the unit, and each time its reported completion was
    /// refused at acceptance (reopened), and each order it declined after the match. See docs/assessment.md.
    /// </summary>
    public int Failures => Lapsed + Reopened + Declined;

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
        FactKind.Declined => this with { Declined = Declined + 1 },
        FactKind.ClosedUnrated => this with { ClosedUnrated = ClosedUnrated + 1 },
        FactKind.ActivityClosed => this with { ActivitiesClosed = ActivitiesClosed + 1 },
        FactKind.FundsGiven => this with { FundsGivenFen = FundsGivenFen + fact.Fen },
        FactKind.HouseholdServed when fact.Period is { } served =>
            this with { HouseholdsServed = Merge(HouseholdsServed, [new(served, 1)], (a, b) => a + b) },
        FactKind.Delivered when fact.Category is { } category =>
            this with { Deliveries = Merge(Deliveries, [new(CoBuilding.DeliveryKey(category, fact.At), 1)], (a, b) => a + b) },
        FactKind.AgreementInForce when fact.Agreement is { } share =>
            this with { Agreements = Merge(Agreements, [new(CoBuilding.ShareKey(share), share)], (a, b) => a.Merge(b)) },
        FactKind.EvaluationsReceived when fact.Evaluations is { } received =>
            this with { Evaluations = Merge(Evaluations, [new(received.Period, received)], (a, _) => a) },
        FactKind.Delivered or FactKind.AgreementInForce or FactKind.EvaluationsReceived or FactKind.HouseholdServed => this,
        _ => this with { Lapsed = Lapsed + 1 },
    };

    public Totals Plus(Totals other) => new()
    {
        Published = Published + other.Published, Matched = Matched + other.Matched, Accepted = Accepted + other.Accepted,
        AcceptedWithEvidence = AcceptedWithEvidence + other.AcceptedWithEvidence, ServiceHours = ServiceHours + other.ServiceHours,
        Beneficiaries = Beneficiaries + other.Beneficiaries, Rated = Rated + other.Rated, StarsSum = StarsSum + other.StarsSum,
        Lapsed = Lapsed + other.Lapsed, ResponseMinutes = ResponseMinutes.Concat(other.ResponseMinutes).Order().ToList(),
        Reopened = Reopened + other.Reopened, Declined = Declined + other.Declined, ClosedUnrated = ClosedUnrated + other.ClosedUnrated,
        ActivitiesClosed = ActivitiesClosed + other.ActivitiesClosed, FundsGivenFen = FundsGivenFen + other.FundsGivenFen,
        Deliveries = Merge(Deliveries, other.Deliveries, (a, b) => a + b),
        Agreements = Merge(Agreements, other.Agreements, (a, b) => a.Merge(b)),
        Evaluations = Merge(Evaluations, other.Evaluations, (a, _) => a),
        HouseholdsServed = Merge(HouseholdsServed, other.HouseholdsServed, (a, b) => a + b),
    };

    /// <summary>
    /// These totals as a ranking of <paramref name="period"/> counts them: the evaluations of periods within it only (a month's
    /// totals hold the quarter's and the year's evaluations too, dated the same first day, but a month's ranking counts neither).
    /// </summary>
    public Totals Within(Platform.Periods.Period period) =>
        Evaluations.Keys.All(p => EvaluationShare.IsWithin(p, period))
            ? this
            : this with
            {
                Evaluations = new SortedDictionary<string, EvaluationShare>(
                    Evaluations.Where(e => EvaluationShare.IsWithin(e.Key, period)).ToDictionary(e => e.Key, e => e.Value),
                    StringComparer.Ordinal),
            };

    /// <summary>
    /// Took part in co-building in the period (domain.md, two-way evaluation): at least one accepted, evidence-backed order,
    /// one activity it held and closed with verified evidence, or one delivery Agreements recorded for it.
    /// </summary>
    public bool Participated => AcceptedWithEvidence > 0 || ActivitiesClosed > 0 || Deliveries.Count > 0;

    /// <summary>Sorted by key, so the same totals always serialise the same, however their facts arrived.</summary>
    private static SortedDictionary<string, T> Merge<T>(IReadOnlyDictionary<string, T> left, IEnumerable<KeyValuePair<string, T>> right,
        Func<T, T, T> combine)
    {
        var merged = new SortedDictionary<string, T>(StringComparer.Ordinal);
        foreach (var (key, value) in left) merged[key] = value;
        foreach (var (key, value) in right) merged[key] = merged.TryGetValue(key, out var before) ? combine(before, value) : value;
        return merged;
    }

    private static List<int> Insert(IReadOnlyList<int> sorted, int value)
    {
        var list = sorted.ToList();
        var at = list.BinarySearch(value);
        list.Insert(at < 0 ? ~at : at, value);
        return list;
    }
}
