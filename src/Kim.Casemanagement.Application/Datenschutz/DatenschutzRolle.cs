using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Sicherheit;

namespace Kim.Casemanagement.Application.Datenschutz;

/// <summary>
/// The workplace of the data-protection officer is for the Datenschutz role only. The endpoints and pages already
/// require it (policy <c>Datenschutz</c>); the use cases check it again, so that no other caller reaches them.
/// </summary>
internal static class DatenschutzRolle
{
    public static void Pruefen(IAktuellerBenutzer benutzer)
    {
        if (!benutzer.HatRolle(Rolle.Datenschutz))
        {
            throw new ZugriffVerweigertException("Diese Ansicht ist der Rolle Datenschutz vorbehalten.");
        }
    }
}
