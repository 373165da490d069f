using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Domain.Faelle.Bildung;

/// <summary>German labels and parameters of the education track.</summary>
public static class BildungKatalog
{
    public static readonly IReadOnlyList<BildungZustand> Startzustaende =
    [
        BildungZustand.KeineBeratung, BildungZustand.Erstberatung, BildungZustand.SprachstandFestgestellt, BildungZustand.IntegrationskursLaeuft,
        BildungZustand.IntegrationskursAbgeschlossen, BildungZustand.Berufssprachkurs, BildungZustand.SchuleErstfoerderung, BildungZustand.SchuleRegelunterricht,
        BildungZustand.Ausbildung, BildungZustand.Studium,
    ];

    public static string Bezeichnung(BildungZustand zustand) => zustand switch
    {
        BildungZustand.KeineBeratung => "Noch keine Bildungsberatung",
        BildungZustand.Erstberatung => "Bildungserstberatung",
        BildungZustand.Bildungsplanung => "Bildungsplanung",
        BildungZustand.SprachstandFestgestellt => "Sprachstand festgestellt",
        BildungZustand.IntegrationskursAbgeschlossen => "Integrationskurs abgeschlossen",
        BildungZustand.BerufssprachkursAbgeschlossen => "Berufssprachkurs abgeschlossen",
        BildungZustand.AnerkennungAbgeschlossen => "Anerkennungsverfahren abgeschlossen",
        BildungZustand.SchuleAbgeschlossen => "Schulabschluss erreicht",
        BildungZustand.QualifizierungAbgeschlossen => "Qualifizierung abgeschlossen",
        BildungZustand.AusbildungAbgeschlossen => "Ausbildung abgeschlossen",
        BildungZustand.StudiumAbgeschlossen => "Studium abgeschlossen",
        BildungZustand.BildungswegUnterbrochen => "Bildungsweg unterbrochen",
        BildungZustand.Alphabetisierungskurs => "Alphabetisierungskurs",
        BildungZustand.Integrationskurs => "Integrationskurs",
        BildungZustand.IntegrationskursBerechtigt => "Integrationskurs: Berechtigung/Verpflichtung",
        BildungZustand.IntegrationskursEingestuft => "Integrationskurs: eingestuft",
        BildungZustand.IntegrationskursLaeuft => "Integrationskurs läuft",
        BildungZustand.IntegrationskursPruefung => "Integrationskurs: Prüfung (DTZ/LiD)",
        BildungZustand.IntegrationskursWiederholung => "Integrationskurs: Wiederholung (300 UE)",
        BildungZustand.Berufssprachkurs => "Berufssprachkurs",
        BildungZustand.Anerkennungsverfahren => "Anerkennungsverfahren",
        BildungZustand.AnerkennungBeratung => "Anerkennungsberatung",
        BildungZustand.AnerkennungBeantragt => "Anerkennung beantragt",
        BildungZustand.Ausgleichsmassnahme => "Ausgleichsmaßnahme",
        BildungZustand.Schule => "Schule (Seiteneinstieg)",
        BildungZustand.SchuleErstfoerderung => "Schule: Erstförderung",
        BildungZustand.SchuleRegelunterricht => "Schule: Regelunterricht",
        BildungZustand.Qualifizierung => "Qualifizierungsmaßnahme",
        BildungZustand.Ausbildung => "Berufsausbildung",
        BildungZustand.Studium => "Studium",
        _ => zustand.ToString(),
    };

    public static SchrittDefinition Schritt(BildungTrigger trigger) => trigger switch
    {
        BildungTrigger.ErstberatungDurchfuehren => Einfach(trigger, "Bildungserstberatung durchgeführt"),
        BildungTrigger.SprachstandFeststellen => new(trigger.ToString(), "Sprachstand festgestellt", [Niveau(true), new(ParameterNamen.AlphabetisierungNoetig, "Alphabetisierung nötig", ParameterTyp.JaNein, true)]),
        BildungTrigger.SprachstandAktualisieren => new(trigger.ToString(), "Sprachstand aktualisiert", [Niveau(true)]),
        BildungTrigger.AlphabetisierungskursBeginnen => Einfach(trigger, "Alphabetisierungskurs begonnen"),
        BildungTrigger.AlphabetisierungskursAbschliessen => new(trigger.ToString(), "Alphabetisierungskurs abgeschlossen", [Niveau(false)]),
        BildungTrigger.IntegrationskursBerechtigen => new(trigger.ToString(), "Berechtigung/Verpflichtung zum Integrationskurs", [ParameterDefinition.Auswahl<IntegrationskursArt>(ParameterNamen.IntegrationskursArt, "Art", true, a => a == IntegrationskursArt.Verpflichtung ? "Verpflichtung" : "Berechtigung")]),
        BildungTrigger.EinstufungstestAblegen => Einfach(trigger, "Einstufungstest abgelegt"),
        BildungTrigger.IntegrationskursBeginnen => Einfach(trigger, "Integrationskurs begonnen"),
        BildungTrigger.PruefungAblegen => Einfach(trigger, "Prüfung (DTZ/LiD) abgelegt"),
        BildungTrigger.IntegrationskursAbschliessen => new(trigger.ToString(), "Integrationskurs abgeschlossen", [Ergebnis([Kursergebnis.UnterA2, Kursergebnis.A2, Kursergebnis.B1])]),
        BildungTrigger.IntegrationskursWiederholen => Einfach(trigger, "Integrationskurs wiederholen (300 UE)"),
        BildungTrigger.BerufssprachkursBeginnen => Einfach(trigger, "Berufssprachkurs begonnen"),
        BildungTrigger.BerufssprachkursAbschliessen => new(trigger.ToString(), "Berufssprachkurs abgeschlossen", [Ergebnis([Kursergebnis.UnterA2, Kursergebnis.A2, Kursergebnis.B1, Kursergebnis.B2, Kursergebnis.C1])]),
        BildungTrigger.AnerkennungsberatungBeginnen => Einfach(trigger, "Anerkennungsberatung begonnen"),
        BildungTrigger.AnerkennungBeantragen => new(trigger.ToString(), "Anerkennung beantragt", [new(ParameterNamen.ZabZeugnisbewertung, "ZAB-Zeugnisbewertung (Hochschulabschluss)", ParameterTyp.JaNein, false)]),
        BildungTrigger.AnerkennungEntscheiden => new(trigger.ToString(), "Über die Anerkennung entschieden", [ParameterDefinition.Auswahl<AnerkennungsErgebnis>(ParameterNamen.Ergebnis, "Ergebnis", true, Bezeichnung)]),
        BildungTrigger.AusgleichsmassnahmeAbschliessen => Einfach(trigger, "Ausgleichsmaßnahme abgeschlossen"),
        BildungTrigger.SchuleBeginnen => Einfach(trigger, "Seiteneinstieg in die Schule"),
        BildungTrigger.RegelunterrichtBeginnen => Einfach(trigger, "Wechsel in den Regelunterricht"),
        BildungTrigger.SchulabschlussErreichen => new(trigger.ToString(), "Schulabschluss erreicht", [Bezeichnungsparameter("Abschluss")]),
        BildungTrigger.QualifizierungBeginnen => new(trigger.ToString(), "Qualifizierungsmaßnahme begonnen", [Bezeichnungsparameter("Maßnahme")]),
        BildungTrigger.QualifizierungAbschliessen => Einfach(trigger, "Qualifizierung abgeschlossen"),
        BildungTrigger.AusbildungBeginnen => new(trigger.ToString(), "Berufsausbildung begonnen", [Bezeichnungsparameter("Ausbildungsberuf")]),
        BildungTrigger.AusbildungAbschliessen => Einfach(trigger, "Berufsausbildung abgeschlossen"),
        BildungTrigger.StudiumBeginnen => new(trigger.ToString(), "Studium begonnen", [Bezeichnungsparameter("Studiengang")]),
        BildungTrigger.StudiumAbschliessen => Einfach(trigger, "Studium abgeschlossen"),
        BildungTrigger.BildungswegUnterbrechen => new(trigger.ToString(), "Bildungsweg unterbrochen", [new(ParameterNamen.Grund, "Grund", ParameterTyp.Text, false)]),
        _ => Einfach(trigger, trigger.ToString()),
    };

    public static string Bezeichnung(AnerkennungsErgebnis ergebnis) => ergebnis switch
    {
        AnerkennungsErgebnis.Voll => "Volle Gleichwertigkeit",
        AnerkennungsErgebnis.Teilweise => "Teilweise Gleichwertigkeit (Ausgleichsmaßnahme)",
        AnerkennungsErgebnis.Abgelehnt => "Abgelehnt",
        _ => ergebnis.ToString(),
    };

    public static string Bezeichnung(Kursergebnis ergebnis) => ergebnis == Kursergebnis.UnterA2 ? "unter A2" : ergebnis.ToString();

    public static Sprachniveau AlsSprachniveau(Kursergebnis ergebnis) => ergebnis switch
    {
        Kursergebnis.A2 => Sprachniveau.A2,
        Kursergebnis.B1 => Sprachniveau.B1,
        Kursergebnis.B2 => Sprachniveau.B2,
        Kursergebnis.C1 => Sprachniveau.C1,
        _ => Sprachniveau.A1,
    };

    private static ParameterDefinition Niveau(bool pflicht) =>
        ParameterDefinition.Auswahl<Sprachniveau>(ParameterNamen.Sprachniveau, "Deutschkenntnisse (GER)", pflicht, n => n == Sprachniveau.Keine ? "keine" : n.ToString());

    private static ParameterDefinition Ergebnis(Kursergebnis[] werte) =>
        new(ParameterNamen.Ergebnis, "Ergebnis", ParameterTyp.Auswahl, true, werte.Select(w => new Auswahlwert(w.ToString(), Bezeichnung(w))).ToArray());

    private static ParameterDefinition Bezeichnungsparameter(string bezeichnung) => new(ParameterNamen.Bezeichnung, bezeichnung, ParameterTyp.Text, false);

    private static SchrittDefinition Einfach(BildungTrigger trigger, string bezeichnung) => SchrittDefinition.Einfach(trigger.ToString(), bezeichnung);
}
