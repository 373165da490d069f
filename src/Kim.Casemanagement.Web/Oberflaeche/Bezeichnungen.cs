using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using Kim.Casemanagement.Domain.Faelle.Bildung;
using Kim.Casemanagement.Domain.Faelle.Leistungen;
using Kim.Casemanagement.Domain.Faelle.Prozess;

namespace Kim.Casemanagement.Web.Oberflaeche;

/// <summary>German labels for state names as lists deliver them (the domain's catalogues are the source).</summary>
public static class Bezeichnungen
{
    public static string Prozess(string zustand) => Enum.TryParse<ProzessZustand>(zustand, out var z) ? ProzessKatalog.Bezeichnung(z) : zustand;

    public static string Aufenthalt(string zustand) => Enum.TryParse<AufenthaltZustand>(zustand, out var z) ? AufenthaltKatalog.Bezeichnung(z) : zustand;

    public static string Leistungen(string zustand) => Enum.TryParse<LeistungenZustand>(zustand, out var z) ? LeistungenKatalog.Bezeichnung(z) : zustand;

    public static string Bildung(string zustand) => Enum.TryParse<BildungZustand>(zustand, out var z) ? BildungKatalog.Bezeichnung(z) : zustand;

    /// <summary>A consent recipient or partner authority as people write it.</summary>
    public static string Stelle(string? name) => name switch
    {
        null => "–",
        "CaseManagement" => "Case Management",
        "Auslaenderbehoerde" => "Ausländerbehörde",
        _ => name,
    };

    public static string Datum(DateOnly? d) => d?.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "–";

    public static string Zeit(DateTimeOffset d) =>
        TimeZoneInfo.ConvertTime(d, Berlin).ToString("dd.MM.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
}
