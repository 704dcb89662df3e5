using RedYifang.Functions.Agreements;
using RedYifang.Functions.Platform.Catalogue;

namespace RedYifang.Rules.Tests.Agreements;

/// <summary>
/// One agreement for the rules tests: street s1 of district d1 with unit u1 of that street, for 2026 (China Standard Time),
/// committing 4 medical services and 5000 yuan; written at <see cref="T0"/> (2 January 2026, 09:00 CST).
/// </summary>
internal static class AgreementWalk
{
    public static readonly TimeSpan China = TimeSpan.FromHours(8);
    public static readonly DateTimeOffset T0 = new(2026, 1, 2, 9, 0, 0, China);
    public const string Admin = "usr_admin";
    public const string Liaison = "usr_liaison";

    public static readonly NewAgreement Draft = new()
    {
        PartyOrgId = "s1", UnitId = "u1", Term = new AgreementTerm(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)),
        LiaisonUserId = Liaison,
        Commitments =
        [
            new Commitment(Category.Medical, CommitmentKind.Service, 4, null, "义诊每年 4 次"),
            new Commitment(Category.Medical, CommitmentKind.Funds, null, 5000m, null),
        ],
    };

    public static DateTimeOffset At(int days, int hour = 9) => new DateTimeOffset(2026, 1, 2, hour, 0, 0, China).AddDays(days);

    /// <summary>A wall-clock time in China on a given day.</summary>
    public static DateTimeOffset OnDay(int year, int month, int day, int hour = 12) => new(year, month, day, hour, 0, 0, China);

    public static AgreementChange Create(NewAgreement? draft = null, string id = "cba_1") =>
        Agreement.Create(draft ?? Draft, id, ["d1", "s1"], ["d1", "s1", "u1"], Admin, T0);

    public static Agreement Created() => Create().Agreement;

    public static Agreement Active() => Created().Sign(Admin, At(1)).Agreement.Countersign(Liaison, At(2)).Agreement;
}
