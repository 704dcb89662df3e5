using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Agreements;

/// <summary>Who may see and do what with co-building agreements: every agreement rule, in one place.</summary>
public static class AgreementPolicy
{
    /// <summary>The parties: admins over the party organisation or over the unit, and the unit's liaisons.</summary>
    public static bool MayRead(Caller caller, Agreement agreement) =>
        caller.IsAdminOf(agreement.PartyOrgPath) || caller.IsAdminOf(agreement.UnitPath) || caller.IsLiaisonOf(agreement.UnitId);

    /// <summary>Writing an agreement for a party organisation (a street or a community): admins over it.</summary>
    public static bool MayCreateFor(Caller caller, IReadOnlyList<string> partyOrgPath) => caller.IsAdminOf(partyOrgPath);

    /// <summary>Signing for the party organisation, and terminating: admins over the party organisation.</summary>
    public static bool MaySign(Caller caller, Agreement agreement) => caller.IsAdminOf(agreement.PartyOrgPath);

    /// <summary>
    /// Countersigning for the unit: the liaison the agreement names, while they hold the unit's liaison role (a liaison who
    /// has lost the role no longer speaks for the unit; another liaison of the unit is not the one named).
    /// </summary>
    public static bool MayCountersign(Caller caller, Agreement agreement) =>
        caller.UserId == agreement.LiaisonUserId && caller.IsLiaisonOf(agreement.UnitId);

    /// <summary>Ending an agreement early: admins over the party organisation.</summary>
    public static bool MayTerminate(Caller caller, Agreement agreement) => caller.IsAdminOf(agreement.PartyOrgPath);

    /// <summary>
    /// Listing the agreements within an organisation (those where it, or an organisation under it, is a party): admins over
    /// it and, for a unit, its liaisons.
    /// </summary>
    public static bool MayList(Caller caller, IReadOnlyList<string> orgPath) => caller.ActsFor(orgPath);

    /// <summary>The renewal list (agreements ending soon within an organisation): admins over it.</summary>
    public static bool MayListExpiring(Caller caller, IReadOnlyList<string> orgPath) => caller.IsAdminOf(orgPath);

    /// <summary>Attaches evidence (the signed document) into the party organisation's archive: admins over it.</summary>
    public static bool AttachesForPartyOrg(Caller caller, Agreement agreement) => caller.IsAdminOf(agreement.PartyOrgPath);

    /// <summary>Attaches evidence into the unit's archive: the unit's liaisons.</summary>
    public static bool AttachesForUnit(Caller caller, Agreement agreement) => caller.IsLiaisonOf(agreement.UnitId);
}
