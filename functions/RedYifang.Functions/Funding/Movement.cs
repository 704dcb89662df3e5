using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Funding;

/// <summary>
/// One entry of the double-entry ledger: <see cref="Amount"/> debited from <see cref="From"/> and credited to <see cref="To"/>,
/// both accounts of one district and year. Nothing is ever deleted or changed but <see cref="ReversedBy"/>: a correction is a
/// reversing entry (<see cref="Reverses"/>, the two accounts swapped, the same amount) that names the one it undoes.
/// </summary>
public sealed record Movement
{
    public required string Id { get; init; }
    public required string DistrictId { get; init; }
    public required AccountId From { get; init; }
    public required AccountId To { get; init; }
    public required Money Amount { get; init; }
    public required string Memo { get; init; }

    /// <summary>The receipt (a verified piece of the paying organisation's or the activity's evidence) behind an expense.</summary>
    public string? EvidenceId { get; init; }
    public string? ActivityId { get; init; }

    /// <summary>The agreement whose money commitment this gift delivers.</summary>
    public string? AgreementId { get; init; }

    /// <summary>The accepted order of a funds resource this gift records.</summary>
    public string? OrderId { get; init; }
    public string? Reverses { get; init; }
    public string? ReversedBy { get; init; }
    public string? Reason { get; init; }
    public required string By { get; init; }
    public required DateTimeOffset At { get; init; }

    public int Year => From.Year;

    /// <summary>A new id that names the ledger's partition: <c>mov_{district}-{year}-{time-ordered part}</c>.</summary>
    public static string NewId(string districtId, int year, TimeProvider clock) =>
        $"mov_{districtId[(districtId.IndexOf('_') + 1)..]}-{year}-{Keys.NewId("mov", clock)[4..]}";

    /// <summary>The district and year a movement id names, or null when it is not one.</summary>
    public static (string DistrictId, int Year)? PartitionOf(string? id)
    {
        if (!Keys.IsWellFormedId(id) || !id!.StartsWith("mov_", StringComparison.Ordinal)) return null;
        var last = id.LastIndexOf('-');
        var yearDash = last > 4 ? id.LastIndexOf('-', last - 1) : -1;
        if (yearDash <= 4 || last - yearDash != 5) return null;
        if (!Platform.Http.AsciiNumber.TryParse(id[(yearDash + 1)..last], 4, out var year)) return null;
        return ($"org_{id[4..yearDash]}", year);
    }
}
