using System.Security.Claims;

namespace Kim.Casemanagement.Infrastructure.Identitaet;

/// <summary>Outcome of a sign-in attempt.</summary>
public sealed record AnmeldeErgebnis(AnmeldeStatus Status, ClaimsPrincipal? Principal, Sitzung? Sitzung, bool ZweiFaktorEinrichtenNoetig)
{
    public static readonly AnmeldeErgebnis Fehlgeschlagen = new(AnmeldeStatus.Fehlgeschlagen, null, null, false);
    public static readonly AnmeldeErgebnis Gesperrt = new(AnmeldeStatus.Gesperrt, null, null, false);
    public static readonly AnmeldeErgebnis ZweiterFaktorErforderlich = new(AnmeldeStatus.ZweiterFaktorErforderlich, null, null, false);
}
