using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Domain.Tests.Uebergaenge;

/// <summary>
/// The expected behaviour of every (leaf state, trigger) pair of every track, written by hand from DOMAIN.md §3 and the
/// intended design, NOT read from the machines. A row lists the steps a state permits and where each leads
/// (<see cref="Intern"/>: stays, event written); every other trigger of the track is "not permitted" in that state.
/// Superstate steps (e.g. Abbrechen on Offen, Ausreisen on Geduldet, the SGB II exits on Sgb2) are written out on each
/// leaf state, because a user only ever stands in a leaf state.
/// Dynamic destinations depend on the facts the test gives the Fall (see <see cref="UebergangstabelleTests"/>):
/// Ruhend was entered from Monitoring; the extended permit is a § 25b permit; the recognition decision is "teilweise".
/// </summary>
public static class Uebergangstabelle
{
    public const string Intern = "intern";
    public const string NichtErlaubt = "nicht erlaubt";

    public static readonly Spurtabelle Prozess = new(
        Spur.Prozess,
        ["Klaeren", "Verweisen", "AssessmentBeginnen", "HilfeplanungBeginnen", "UmsetzungBeginnen", "MonitoringBeginnen", "UmsetzungFortsetzen",
            "HilfeplanungAnpassen", "EvaluationBeginnen", "Abschliessen", "Ruhen", "Fortsetzen", "Abbrechen", "Wiederaufnehmen"],
        ["Offen", "Aktiv"],
        [
            Z("Anfrage", ("Klaeren", "Klaerung"), ("Abbrechen", "Abbruch")),
            Z("Klaerung", ("Verweisen", "Verweisung"), ("AssessmentBeginnen", "Assessment"), ("Abbrechen", "Abbruch")),
            Z("Assessment", ("HilfeplanungBeginnen", "Hilfeplanung"), ("Ruhen", "Ruhend"), ("Abbrechen", "Abbruch")),
            Z("Hilfeplanung", ("UmsetzungBeginnen", "Umsetzung"), ("Ruhen", "Ruhend"), ("Abbrechen", "Abbruch")),
            Z("Umsetzung", ("MonitoringBeginnen", "Monitoring"), ("Ruhen", "Ruhend"), ("Abbrechen", "Abbruch")),
            Z("Monitoring", ("UmsetzungFortsetzen", "Umsetzung"), ("HilfeplanungAnpassen", "Hilfeplanung"), ("EvaluationBeginnen", "Evaluation"), ("Ruhen", "Ruhend"), ("Abbrechen", "Abbruch")),
            Z("Evaluation", ("Abschliessen", "Abschluss"), ("Ruhen", "Ruhend"), ("Abbrechen", "Abbruch")),
            Z("Ruhend", ("Fortsetzen", "Monitoring"), ("Abbrechen", "Abbruch")),
            Z("Wiederaufnahme", ("AssessmentBeginnen", "Assessment"), ("Abbrechen", "Abbruch")),
            Z("Verweisung"),
            Z("Abschluss", ("Wiederaufnehmen", "Wiederaufnahme")),
            Z("Abbruch", ("Wiederaufnehmen", "Wiederaufnahme")),
        ]);

    public static readonly Spurtabelle Aufenthalt = new(
        Spur.Aufenthalt,
        ["AsylSuchen", "AnkunftsnachweisAusstellen", "AsylantragStellen", "Anerkennen", "AbschiebungsverbotFeststellen", "AsylantragAblehnen",
            "AufenthaltserlaubnisErteilen", "DuldungErteilen", "DuldungUngeklaerteIdentitaetErteilen", "IdentitaetKlaeren", "AusbildungsduldungErteilen",
            "BeschaeftigungsduldungErteilen", "Paragraph16gErteilen", "Paragraph25aErteilen", "Paragraph25bErteilen", "ChancenaufenthaltsrechtErteilen",
            "ChancenaufenthaltsrechtAblaufen", "Paragraph24Erteilen", "SonstigeAufenthaltserlaubnisErteilen", "VerlaengerungBeantragen",
            "FiktionsbescheinigungAusstellen", "Verlaengern", "NiederlassungserlaubnisErteilen", "Einbuergern", "Ausreisen"],
        ["Asylverfahren", "Geduldet", "Aufenthaltstitel"],
        [
            Z("KeinStatus", ("AsylSuchen", "Asylgesuch"), ("Paragraph24Erteilen", "Aufenthaltserlaubnis24"), ("SonstigeAufenthaltserlaubnisErteilen", "AufenthaltserlaubnisSonstige"), ("Ausreisen", "Ausgereist")),
            Z("Asylgesuch", ("AnkunftsnachweisAusstellen", "Ankunftsnachweis"), ("Ausreisen", "Ausgereist")),
            Z("Ankunftsnachweis", ("AsylantragStellen", "Aufenthaltsgestattung"), ("Ausreisen", "Ausgereist")),
            Z("Aufenthaltsgestattung", ("Anerkennen", "Schutzstatus"), ("AbschiebungsverbotFeststellen", "Schutzstatus"), ("AsylantragAblehnen", "Ausreisepflichtig"), ("Ausreisen", "Ausgereist")),
            Z("Schutzstatus", ("AufenthaltserlaubnisErteilen", "AufenthaltserlaubnisSchutz"), ("Ausreisen", "Ausgereist")),
            Z("Ausreisepflichtig", ("DuldungErteilen", "Duldung"), ("DuldungUngeklaerteIdentitaetErteilen", "DuldungUngeklaerteIdentitaet"), ("Ausreisen", "Ausgereist")),

            // Toleration: from every kind of Duldung the ways out (§ 25a, § 25b, § 104c until its cut-off, Abschiebungsverbot, other permit, leaving).
            Z("Duldung", [.. Geduldet, ("DuldungErteilen", Intern), ("DuldungUngeklaerteIdentitaetErteilen", "DuldungUngeklaerteIdentitaet"),
                ("AusbildungsduldungErteilen", "Ausbildungsduldung"), ("BeschaeftigungsduldungErteilen", "Beschaeftigungsduldung")]),
            Z("DuldungUngeklaerteIdentitaet", [.. Geduldet, ("IdentitaetKlaeren", "Duldung")]),
            Z("Ausbildungsduldung", [.. Geduldet, ("Paragraph16gErteilen", "Aufenthaltserlaubnis16g")]),
            Z("Beschaeftigungsduldung", [.. Geduldet]),

            // Fixed-term permits: extension (not for § 104c), change to another permit, settlement only from permits for lasting purposes.
            Z("AufenthaltserlaubnisSchutz", [.. Verlaengerbar, ("SonstigeAufenthaltserlaubnisErteilen", "AufenthaltserlaubnisSonstige"), .. Verfestigung]),
            Z("Aufenthaltserlaubnis24", [.. Verlaengerbar, ("SonstigeAufenthaltserlaubnisErteilen", "AufenthaltserlaubnisSonstige")]),
            Z("Aufenthaltserlaubnis25a", [.. Verlaengerbar, ("SonstigeAufenthaltserlaubnisErteilen", "AufenthaltserlaubnisSonstige"), .. Verfestigung]),
            Z("Aufenthaltserlaubnis25b", [.. Verlaengerbar, ("SonstigeAufenthaltserlaubnisErteilen", "AufenthaltserlaubnisSonstige"), .. Verfestigung]),
            Z("Aufenthaltserlaubnis16g", [.. Verlaengerbar, ("SonstigeAufenthaltserlaubnisErteilen", "AufenthaltserlaubnisSonstige")]),
            Z("Chancenaufenthaltsrecht", ("Paragraph25aErteilen", "Aufenthaltserlaubnis25a"), ("Paragraph25bErteilen", "Aufenthaltserlaubnis25b"), ("ChancenaufenthaltsrechtAblaufen", "Duldung"), ("Ausreisen", "Ausgereist")),
            Z("AufenthaltserlaubnisSonstige", [.. Verlaengerbar, .. Verfestigung]),
            Z("VerlaengerungBeantragt", ("FiktionsbescheinigungAusstellen", "Fiktionsbescheinigung"), ("Verlaengern", "Aufenthaltserlaubnis25b"), ("Ausreisen", "Ausgereist")),
            Z("Fiktionsbescheinigung", ("Verlaengern", "Aufenthaltserlaubnis25b"), ("Ausreisen", "Ausgereist")),

            Z("Niederlassungserlaubnis", ("Einbuergern", "Eingebuergert"), ("Ausreisen", "Ausgereist")),
            Z("Eingebuergert"),
            Z("Ausgereist"),
        ]);

    public static readonly Spurtabelle Leistungen = new(
        Spur.Leistungen,
        ["AsylbLGBewilligen", "RechtskreiswechselAnstossen", "Sgb2Beantragen", "Sgb2Bewilligen", "Sgb2Ablehnen", "PotenzialanalyseDurchfuehren",
            "KooperationsplanAbschliessen", "KooperationsplanFortschreiben", "SchlichtungEinleiten", "MassnahmeBeginnen", "QualifizierungBeginnen",
            "MassnahmeBeenden", "BeschaeftigungAufnehmen", "ArbeitAufnehmenAufstockend", "ArbeitAufnehmenBedarfsdeckend", "BeschaeftigungBeenden",
            "InSgb12Wechseln", "LeistungsbezugBeenden"],
        ["Sgb2"],
        [
            Z("KeinLeistungsbezug", ("AsylbLGBewilligen", "AsylbLG"), ("RechtskreiswechselAnstossen", "RechtskreiswechselFaellig"), ("Sgb2Beantragen", "Sgb2Beantragt"),
                ("ArbeitAufnehmenBedarfsdeckend", "ArbeitBedarfsdeckend"), ("InSgb12Wechseln", "Sgb12")),
            Z("AsylbLG", ("BeschaeftigungAufnehmen", Intern), ("BeschaeftigungBeenden", Intern), ("RechtskreiswechselAnstossen", "RechtskreiswechselFaellig"),
                ("ArbeitAufnehmenBedarfsdeckend", "ArbeitBedarfsdeckend"), ("LeistungsbezugBeenden", "KeinLeistungsbezug")),
            Z("RechtskreiswechselFaellig", ("Sgb2Beantragen", "Sgb2Beantragt"), ("ArbeitAufnehmenBedarfsdeckend", "ArbeitBedarfsdeckend"), ("LeistungsbezugBeenden", "KeinLeistungsbezug"), ("InSgb12Wechseln", "Sgb12")),

            // SGB II: from every SGB II state the client can leave for SGB XII, end benefits, or take up work that covers the need.
            Z("Sgb2Beantragt", [.. Sgb2, ("Sgb2Bewilligen", "Sgb2Bewilligt"), ("Sgb2Ablehnen", "KeinLeistungsbezug")]),
            Z("Sgb2Bewilligt", [.. Sgb2, ("PotenzialanalyseDurchfuehren", "Potenzialanalyse"), ("ArbeitAufnehmenAufstockend", "ArbeitAufstockend")]),
            Z("Potenzialanalyse", [.. Sgb2, ("KooperationsplanAbschliessen", "Kooperationsplan"), ("SchlichtungEinleiten", "Schlichtung")]),
            Z("Kooperationsplan", [.. Sgb2, ("KooperationsplanFortschreiben", "Kooperationsplan"), ("SchlichtungEinleiten", "Schlichtung"), ("MassnahmeBeginnen", "Massnahme"),
                ("QualifizierungBeginnen", "Massnahme"), ("ArbeitAufnehmenAufstockend", "ArbeitAufstockend")]),
            Z("Schlichtung", [.. Sgb2, ("KooperationsplanAbschliessen", "Kooperationsplan")]),
            Z("Massnahme", [.. Sgb2, ("MassnahmeBeenden", "Kooperationsplan"), ("ArbeitAufnehmenAufstockend", "ArbeitAufstockend")]),
            Z("ArbeitAufstockend", [.. Sgb2, ("BeschaeftigungBeenden", "Sgb2Bewilligt")]),

            Z("ArbeitBedarfsdeckend", ("BeschaeftigungBeenden", "KeinLeistungsbezug")),
            Z("Sgb12", ("LeistungsbezugBeenden", "KeinLeistungsbezug")),
        ]);

    public static readonly Spurtabelle Bildung = new(
        Spur.Bildung,
        ["ErstberatungDurchfuehren", "SprachstandFeststellen", "SprachstandAktualisieren", "AlphabetisierungskursBeginnen", "AlphabetisierungskursAbschliessen",
            "IntegrationskursBerechtigen", "EinstufungstestAblegen", "IntegrationskursBeginnen", "PruefungAblegen", "IntegrationskursAbschliessen",
            "IntegrationskursWiederholen", "BerufssprachkursBeginnen", "BerufssprachkursAbschliessen", "AnerkennungsberatungBeginnen", "AnerkennungBeantragen",
            "AnerkennungEntscheiden", "AusgleichsmassnahmeAbschliessen", "SchuleBeginnen", "RegelunterrichtBeginnen", "SchulabschlussErreichen",
            "QualifizierungBeginnen", "QualifizierungAbschliessen", "AusbildungBeginnen", "AusbildungAbschliessen", "StudiumBeginnen", "StudiumAbschliessen",
            "BildungswegUnterbrechen"],
        ["Bildungsplanung", "Integrationskurs", "Anerkennungsverfahren", "Schule"],
        [
            Z("KeineBeratung", ("ErstberatungDurchfuehren", "Erstberatung")),
            Z("Erstberatung", ("SprachstandFeststellen", "SprachstandFestgestellt")),

            // Between measures the next one is planned (guards stop wrong sequences); the language level can be updated.
            Z("SprachstandFestgestellt", [.. Planung]),
            Z("IntegrationskursAbgeschlossen", [.. Planung]),
            Z("BerufssprachkursAbgeschlossen", [.. Planung]),
            Z("AnerkennungAbgeschlossen", [.. Planung]),
            Z("SchuleAbgeschlossen", [.. Planung]),
            Z("QualifizierungAbgeschlossen", [.. Planung]),
            Z("AusbildungAbgeschlossen", [.. Planung]),
            Z("StudiumAbgeschlossen", [.. Planung]),
            Z("BildungswegUnterbrochen", [.. Planung]),

            // Measures: each has its next step and can be broken off.
            Z("Alphabetisierungskurs", ("AlphabetisierungskursAbschliessen", "SprachstandFestgestellt"), Unterbrechen),
            Z("IntegrationskursBerechtigt", ("EinstufungstestAblegen", "IntegrationskursEingestuft"), Unterbrechen),
            Z("IntegrationskursEingestuft", ("IntegrationskursBeginnen", "IntegrationskursLaeuft"), Unterbrechen),
            Z("IntegrationskursLaeuft", ("PruefungAblegen", "IntegrationskursPruefung"), Unterbrechen),
            Z("IntegrationskursPruefung", ("IntegrationskursAbschliessen", "IntegrationskursAbgeschlossen"), ("IntegrationskursWiederholen", "IntegrationskursWiederholung"), Unterbrechen),
            Z("IntegrationskursWiederholung", ("PruefungAblegen", "IntegrationskursPruefung"), Unterbrechen),
            Z("Berufssprachkurs", ("BerufssprachkursAbschliessen", "BerufssprachkursAbgeschlossen"), Unterbrechen),
            Z("AnerkennungBeratung", ("AnerkennungBeantragen", "AnerkennungBeantragt"), Unterbrechen),
            Z("AnerkennungBeantragt", ("AnerkennungEntscheiden", "Ausgleichsmassnahme"), Unterbrechen),
            Z("Ausgleichsmassnahme", ("AusgleichsmassnahmeAbschliessen", "AnerkennungAbgeschlossen"), Unterbrechen),
            Z("SchuleErstfoerderung", ("RegelunterrichtBeginnen", "SchuleRegelunterricht"), Unterbrechen),
            Z("SchuleRegelunterricht", ("SchulabschlussErreichen", "SchuleAbgeschlossen"), Unterbrechen),
            Z("Qualifizierung", ("QualifizierungAbschliessen", "QualifizierungAbgeschlossen"), Unterbrechen),
            Z("Ausbildung", ("AusbildungAbschliessen", "AusbildungAbgeschlossen"), Unterbrechen),
            Z("Studium", ("StudiumAbschliessen", "StudiumAbgeschlossen"), Unterbrechen),
        ]);

    public static readonly Spurtabelle Ueberleitung = new(
        Spur.Ueberleitung,
        ["Anfragen", "Annehmen", "Ablehnen", "Erledigen", "Zurueckziehen"],
        [],
        [
            Z("Entwurf", ("Anfragen", "Angefragt")),
            Z("Angefragt", ("Annehmen", "Angenommen"), ("Ablehnen", "Abgelehnt"), ("Zurueckziehen", "Zurueckgezogen")),
            Z("Angenommen", ("Erledigen", "Erledigt"), ("Zurueckziehen", "Zurueckgezogen")),
            Z("Abgelehnt"),
            Z("Erledigt"),
            Z("Zurueckgezogen"),
        ]);

    public static IReadOnlyList<Spurtabelle> Alle { get; } = [Prozess, Aufenthalt, Leistungen, Bildung, Ueberleitung];

    public static Spurtabelle Fuer(Spur spur) => Alle.Single(t => t.Spur == spur);

    private static (string, string)[] Geduldet =>
    [
        ("Paragraph25aErteilen", "Aufenthaltserlaubnis25a"), ("Paragraph25bErteilen", "Aufenthaltserlaubnis25b"),
        ("ChancenaufenthaltsrechtErteilen", "Chancenaufenthaltsrecht"), ("AbschiebungsverbotFeststellen", "Schutzstatus"),
        ("SonstigeAufenthaltserlaubnisErteilen", "AufenthaltserlaubnisSonstige"), ("Ausreisen", "Ausgereist"),
    ];

    private static (string, string)[] Verlaengerbar => [("VerlaengerungBeantragen", "VerlaengerungBeantragt"), ("Ausreisen", "Ausgereist")];

    private static (string, string)[] Verfestigung => [("NiederlassungserlaubnisErteilen", "Niederlassungserlaubnis"), ("Einbuergern", "Eingebuergert")];

    private static (string, string)[] Sgb2 =>
        [("InSgb12Wechseln", "Sgb12"), ("LeistungsbezugBeenden", "KeinLeistungsbezug"), ("ArbeitAufnehmenBedarfsdeckend", "ArbeitBedarfsdeckend")];

    private static (string, string)[] Planung =>
    [
        ("SprachstandAktualisieren", Intern), ("AlphabetisierungskursBeginnen", "Alphabetisierungskurs"), ("IntegrationskursBerechtigen", "IntegrationskursBerechtigt"),
        ("BerufssprachkursBeginnen", "Berufssprachkurs"), ("AnerkennungsberatungBeginnen", "AnerkennungBeratung"), ("SchuleBeginnen", "SchuleErstfoerderung"),
        ("QualifizierungBeginnen", "Qualifizierung"), ("AusbildungBeginnen", "Ausbildung"), ("StudiumBeginnen", "Studium"),
    ];

    private static (string, string) Unterbrechen => ("BildungswegUnterbrechen", "BildungswegUnterbrochen");

    private static Zeile Z(string zustand, params (string Trigger, string Ergebnis)[] erlaubt) =>
        new(zustand, erlaubt.ToDictionary(e => e.Trigger, e => e.Ergebnis, StringComparer.Ordinal));
}

/// <summary>One track's hand-written table: its triggers, its pure superstates, and one row per leaf state.</summary>
public sealed record Spurtabelle(Spur Spur, IReadOnlyList<string> Trigger, IReadOnlyList<string> Oberzustaende, IReadOnlyList<Zeile> Zeilen)
{
    /// <summary>Destination state, <see cref="Uebergangstabelle.Intern"/> or <see cref="Uebergangstabelle.NichtErlaubt"/>.</summary>
    public string Erwartet(string zustand, string trigger) =>
        Zeilen.Single(z => z.Zustand == zustand).Erlaubt.TryGetValue(trigger, out var ziel) ? ziel : Uebergangstabelle.NichtErlaubt;

    public IEnumerable<(string Zustand, string Trigger, string Erwartet)> Paare() =>
        Zeilen.SelectMany(z => Trigger.Select(t => (z.Zustand, t, Erwartet(z.Zustand, t))));
}

/// <summary>A leaf state and the steps it permits (trigger → destination or "intern").</summary>
public sealed record Zeile(string Zustand, IReadOnlyDictionary<string, string> Erlaubt);
