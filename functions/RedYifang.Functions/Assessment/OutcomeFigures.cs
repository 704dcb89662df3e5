namespace RedYifang.Functions.Assessment;

/// <summary>The outcome figures (成效) of domain.md for a scope and period.</summary>
public sealed record OutcomeFigures
{
    public required string ScopeOrgId { get; init; }
    public required string Period { get; init; }
    public required int Communities { get; init; }

    /// <summary>The units registered in the scope.</summary>
    public required int RegisteredUnits { get; init; }

    /// <summary>The units of the scope with a co-building agreement in force on at least one day of the period (结对共建).</summary>
    public required int LinkedUnits { get; init; }
    public required int EnterprisesWithPublicServiceProjects { get; init; }
    public required int VolunteerTeams { get; init; }
    public required IReadOnlyDictionary<string, int> OrdersByStatus { get; init; }
    public required int OrdersPublished { get; init; }
    public required int OrdersAccepted { get; init; }
    public required int Beneficiaries { get; init; }
    public required decimal ServiceHours { get; init; }
    public double? MedianResponseHours { get; init; }
    public double? AverageStars { get; init; }
    public double? CompletionRate { get; init; }

    /// <summary>Orders the scope's units gave back while matched or agreed, in the period (issue 17).</summary>
    public required int OrdersDeclined { get; init; }

    /// <summary>The party–mass service stations (党群服务站) of organisations in the scope registered before the period's end.</summary>
    public required int ServicesStations { get; init; }

    /// <summary>Yuan the units of the scope gave in the period (the funding ledger's donor movements less reversals), two places.</summary>
    public required string FundsGiven { get; init; }

    /// <summary>
    /// Households of the scope's communities served in the period: each household (a resident who raised an order) once per
    /// community, for its orders accepted with verified evidence (<see cref="Assessment.HouseholdsServed"/>).
    /// </summary>
    public required int HouseholdsServed { get; init; }

    /// <summary>The registry's households of the scope's communities that have the figure; null when none has.</summary>
    public int? Households { get; init; }

    /// <summary>Households served in the communities with a registry figure ÷ their households, four decimals; null without one.</summary>
    public double? HouseholdsServedShare { get; init; }

    /// <summary>Communities of the scope without a households figure in the registry (left out of the share).</summary>
    public required int CommunitiesWithoutHouseholds { get; init; }
}
