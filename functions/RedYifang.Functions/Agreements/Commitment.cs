using RedYifang.Functions.Platform.Catalogue;

namespace RedYifang.Functions.Agreements;

/// <summary>
/// One thing the unit undertakes ("4 free clinics a year"): a number of services of a category over the term
/// (<see cref="Target"/>), or an amount of money in yuan (<see cref="Amount"/>) — never both.
/// </summary>
public sealed record Commitment(Category Category, CommitmentKind Kind, int? Target, decimal? Amount, string? Description);
