using System.Text.Json.Serialization;
using RedYifang.Functions.Funding;

namespace RedYifang.Functions.Agreements;

/// <summary>One movement of money behind an agreement's funds commitments: its id, the yuan (negative for a reversal), when.</summary>
public sealed record FundsRef(string MovementId, [property: JsonIgnore] long Fen, DateTimeOffset At)
{
    /// <summary>Yuan, two places, exact (a decimal string, never a float).</summary>
    public string Amount => new Money(Fen).ToString();
}
