using System.Globalization;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Einwilligungen;
using Kim.Casemanagement.Domain.Rechtsregeln;

namespace Kim.Casemanagement.Infrastructure.Datenschutz;

/// <summary>German words of the Art. 15 copy and the Art. 30 record for the catalogue's and the domain's terms.</summary>
public static class Datenschutztexte
{
    /// <summary>Who the staff of the Kommune (every role but a partner authority's contact) work for, in the copy and the record.</summary>
    public const string EigeneStelle = "Kommunales Integrationsmanagement";

    private static readonly CultureInfo De = CultureInfo.GetCultureInfo("de-DE");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>What an audit action means, and whether it read or changed data; actions not listed keep their technical name.</summary>
    private static readonly Dictionary<string, (string Text, bool Aendernd)> Aktionen = new(StringComparer.Ordinal)
    {
        ["Fall.Lesen"] = ("Fallakte gelesen", false),
        ["Fall.EreignisseLesen"] = ("Verlauf des Falls gelesen", false),
        ["Fall.NotizenLesen"] = ("Notizen gelesen", false),
        ["Fall.Liste"] = ("in einer Fallliste angezeigt", false),
        ["Fall.Warteschlange"] = ("in der Aufnahme-Warteschlange angezeigt", false),
        ["Fall.Aufnahme"] = ("Fall aufgenommen", true),
        ["Fall.SchrittAusfuehren"] = ("Schritt im Fallverlauf erfasst", true),
        ["Fall.EinwilligungVerwalten"] = ("Einwilligung erfasst oder widerrufen", true),
        ["Fall.Art13Vermerken"] = ("Information nach Art. 13 DSGVO vermerkt", true),
        ["Fall.KompetenzprofilErfassen"] = ("Kompetenzprofil erfasst", true),
        ["Fall.ZielVerwalten"] = ("Ziel vereinbart oder bewertet", true),
        ["Fall.WiedervorlageVerwalten"] = ("Wiedervorlage angelegt oder erledigt", true),
        ["Fall.NotizSchreiben"] = ("Notiz verfasst", true),
        ["Fall.UeberleitungAnfragen"] = ("Überleitung angefragt", true),
        ["Fall.Zuweisen"] = ("Fall einer Fallmanagerin oder einem Fallmanager zugewiesen", true),
        ["Fall.VertretungVerwalten"] = ("Vertretung eingerichtet oder beendet", true),
        ["Fall.KlientBerichtigen"] = ("Berichtigung der Stammdaten (Art. 16 DSGVO) aufgerufen", true),
        ["Klient.Berichtigt"] = ("Stammdaten berichtigt (Art. 16 DSGVO); die bisherigen Werte stehen im Abschnitt „Berichtigungen“", true),
        ["Thema.Melden"] = ("Thema für die Lenkungsgruppe gemeldet (ohne Ihren Namen)", true),
        ["Thema.StatusAendern"] = ("Stand eines Themas für die Lenkungsgruppe geändert", true),
        ["Datenschutz.Auskunft"] = ("Auskunft nach Art. 15 DSGVO erstellt", false),
        ["Datenschutz.KlientSuche"] = ("bei der Suche für eine Auskunft oder Prüfung angezeigt", false),
        ["Datenschutz.Auditprotokoll"] = ("Zugriffsprotokoll zu Ihrem Fall eingesehen", false),
        ["Datenschutz.Einwilligungsregister"] = ("Einwilligungsregister zu Ihrem Fall eingesehen", false),
    };

    public static string Bezeichnung(this Datenart art) => art switch
    {
        Datenart.Stammdaten => "Stammdaten (Name, Geburtsdatum, Geschlecht, Herkunft, Haushalt)",
        Datenart.Aufenthalt => "Aufenthaltsrechtliche Daten",
        Datenart.Leistungen => "Daten zu Leistungen, Maßnahmen und Beschäftigung",
        Datenart.Bildung => "Daten zu Sprachkursen, Schule und Ausbildung",
        Datenart.Kompetenzprofil => "Kompetenzprofil (Sprachen, Qualifikationen, Fähigkeiten)",
        Datenart.Fallverlauf => "Verlauf des Falls (Zustände, Schritte, Termine, Ziele, Überleitungen)",
        Datenart.Einwilligung => "Einwilligungen und ihre Nachweise",
        Datenart.Freitext => "Freitexte (Notizen, Betreffe, Anliegen; können besondere Kategorien nach Art. 9 DSGVO enthalten)",
        Datenart.Kennung => "Kennungen und Aktenzeichen",
        Datenart.Beschaeftigte => "Daten der Beschäftigten (Konto, Rolle, Behörde, Handlungen)",
        Datenart.Zugangsdaten => "Zugangs- und Sicherheitsdaten der Konten",
        Datenart.Protokoll => "Zugriffsprotokoll",
        Datenart.Technisch => "Technische Angaben ohne Personenbezug",
        Datenart.Aggregat => "Zusammengefasste Zahlen ohne Personenbezug",
        _ => art.ToString(),
    };

    public static string Bezeichnung(this Betroffene betroffene) => betroffene switch
    {
        Betroffene.Klienten => "Klient*innen",
        Betroffene.Beschaeftigte => "Beschäftigte der Kommune und der Partnerbehörden",
        Betroffene.KlientenUndBeschaeftigte => "Klient*innen und Beschäftigte",
        Betroffene.Keine => "keine Person",
        _ => betroffene.ToString(),
    };

    public static string Bezeichnung(this Rolle rolle) => rolle switch
    {
        Rolle.Fallmanagement => "Fallmanagement",
        Rolle.Partner => "Ansprechperson einer Partnerbehörde",
        Rolle.Teamleitung => "Teamleitung",
        Rolle.Lenkungsgruppe => "Lenkungsgruppe",
        Rolle.Datenschutz => "Datenschutz",
        Rolle.Administration => "Administration",
        _ => rolle.ToString(),
    };

    /// <summary>Roles as stored in an audit row (comma-separated enum names), in German.</summary>
    public static string Rollen(string? rollen)
    {
        var teile = (rollen ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => Enum.TryParse<Rolle>(r, out var x) && Enum.IsDefined(x) ? x.Bezeichnung() : r)
            .ToArray();
        return teile.Length == 0 ? "ohne Rolle" : string.Join(", ", teile);
    }

    /// <summary>A consent recipient or partner authority as stored (enum name), in German.</summary>
    public static string Stelle(string? name) => name switch
    {
        null or "" => "–",
        nameof(Empfaenger.CaseManagement) => EigeneStelle + " (Teilnahme am Case Management)",
        _ when Enum.TryParse<Behoerde>(name, out var b) && Enum.IsDefined(b) => b.Bezeichnung(),
        _ => name,
    };

    /// <summary>The categories of a consent (bit flags), in German.</summary>
    public static IReadOnlyList<string> Kategorien(Datenkategorie kategorien) =>
        Enum.GetValues<Datenkategorie>().Where(k => k != Datenkategorie.Keine && (kategorien & k) == k).Select(Bezeichnung).ToArray();

    public static string Bezeichnung(this Datenkategorie kategorie) => kategorie switch
    {
        Datenkategorie.Stammdaten => "Stammdaten",
        Datenkategorie.Aufenthalt => "Aufenthalt",
        Datenkategorie.Leistungen => "Leistungen",
        Datenkategorie.Bildung => "Bildung",
        Datenkategorie.Kompetenzprofil => "Kompetenzprofil",
        Datenkategorie.Gesundheit => "Gesundheit (Art. 9 DSGVO)",
        _ => kategorie.ToString(),
    };

    /// <summary>An audit action in German and whether it changed data (false: read or shown).</summary>
    public static (string Text, bool Aendernd) Aktion(string aktion) =>
        Aktionen.TryGetValue(aktion, out var a) ? a
        : aktion.StartsWith("Datenschutz.", StringComparison.Ordinal) ? ($"Datenschutz: {aktion["Datenschutz.".Length..]}", false)
        : (aktion, !aktion.Contains("Lesen", StringComparison.Ordinal));

    /// <summary>A retention period in words: <c>P3Y</c> → „3 Jahre“, <c>P1Y6M</c> → „1 Jahr und 6 Monate“, <c>PT24H</c> → „24 Stunden“.</summary>
    public static string Text(this Frist frist)
    {
        var teile = new List<string>();
        void Teil(int n, string eins, string mehr)
        {
            if (n > 0)
            {
                teile.Add(n.ToString(De) + " " + (n == 1 ? eins : mehr));
            }
        }

        Teil(frist.Jahre, "Jahr", "Jahre");
        Teil(frist.Monate, "Monat", "Monate");
        Teil(frist.Tage, "Tag", "Tage");
        Teil(frist.Stunden, "Stunde", "Stunden");
        return teile.Count switch
        {
            0 => "keine",
            1 => teile[0],
            _ => string.Join(", ", teile[..^1]) + " und " + teile[^1],
        };
    }

    /// <summary>When a retention rule's period starts (the rule table's keys of <c>Regeln.Aufbewahrung*</c>), in words; empty for an unknown key.</summary>
    public static string Ausloeser(string regel) => regel switch
    {
        "Aufbewahrung.FallakteNachAbschluss" => "nach Abschluss, Abbruch oder Verweisung des Falls",
        "Aufbewahrung.Auditprotokoll" => "nach dem Zugriff",
        "Aufbewahrung.Benachrichtigungen" => "nach dem Erstellen",
        "Aufbewahrung.Sitzungen" => "nach dem Ende der Sitzung",
        "Aufbewahrung.Idempotenzschluessel" => "nach dem Schreibvorgang",
        _ => string.Empty,
    };

    public static string Datum(DateOnly datum) => datum.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>An instant as people in NRW read it (Europe/Berlin).</summary>
    public static string Zeit(DateTimeOffset zeitpunkt) =>
        TimeZoneInfo.ConvertTime(zeitpunkt, Berlin).ToString("dd.MM.yyyy, HH:mm 'Uhr'", CultureInfo.InvariantCulture);
}
