using System.Globalization;
using Kim.Casemanagement.Domain.Einwilligungen;
using Kim.Casemanagement.Domain.Rechtsregeln;

namespace Kim.Casemanagement.Web.Pages.Datenschutz;

/// <summary>German wording of the workplace's values: periods, numbers, categories, outcomes.</summary>
public static class Darstellung
{
    private static readonly CultureInfo De = CultureInfo.GetCultureInfo("de-DE");

    public static string Zahl(long wert) => wert.ToString("N0", De);

    /// <summary>"3 Jahre", "1 Jahr, 6 Monate", "90 Tage", "24 Stunden".</summary>
    public static string Frist(Frist frist)
    {
        var teile = new List<string>();
        void Teil(int n, string eins, string mehr)
        {
            if (n > 0)
            {
                teile.Add($"{n.ToString(De)} {(n == 1 ? eins : mehr)}");
            }
        }

        Teil(frist.Jahre, "Jahr", "Jahre");
        Teil(frist.Monate, "Monat", "Monate");
        Teil(frist.Tage, "Tag", "Tage");
        Teil(frist.Stunden, "Stunde", "Stunden");
        return teile.Count == 0 ? "–" : string.Join(", ", teile);
    }

    public static string Kategorie(string name) => name switch
    {
        nameof(Datenkategorie.Gesundheit) => "Gesundheit (Art. 9 DSGVO)",
        _ => name,
    };

    public static IReadOnlyList<(string Wert, string Bezeichnung)> Kategorien { get; } =
        Enum.GetValues<Datenkategorie>().Where(k => k != Datenkategorie.Keine).Select(k => (k.ToString(), Kategorie(k.ToString()))).ToArray();

    public static IReadOnlyList<(string Wert, string Bezeichnung)> Empfaenger { get; } =
        Enum.GetNames<Domain.Einwilligungen.Empfaenger>().Select(e => (e, Oberflaeche.Bezeichnungen.Stelle(e))).ToArray();

    /// <summary>An audit row's outcome in words beside its status code.</summary>
    public static string Ergebnis(int status) => status switch
    {
        >= 200 and < 300 => $"{status} – erfolgreich",
        400 => "400 – ungültige Eingabe",
        401 => "401 – nicht angemeldet",
        403 => "403 – verweigert",
        404 => "404 – nicht gefunden",
        409 => "409 – abgelehnt (Konflikt)",
        >= 500 => $"{status} – Fehler",
        _ => status.ToString(CultureInfo.InvariantCulture),
    };
}
