using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Einwilligungen;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using Kim.Casemanagement.Domain.Faelle.Bildung;
using Kim.Casemanagement.Domain.Rechtsregeln;

namespace Kim.Casemanagement.Domain.Faelle;

/// <summary>
/// Every guard of every track, each a named sentence. Guards read the whole Fall (that is what
/// "rechtskreisübergreifend" means in code) and take every dated figure from the rule table at the
/// step's fachliches Datum.
/// </summary>
public static class Bedingungen
{
    // ---- Case-management process ----
    public static readonly Bedingung EinwilligungInCaseManagementLiegtVor = new(
        nameof(EinwilligungInCaseManagementLiegtVor),
        "Für das Assessment ist eine gültige Einwilligung in das Case Management nötig.",
        (f, s) => f.ErlaubtVerarbeitung(Empfaenger.CaseManagement, s));

    public static readonly Bedingung Art13InformationAusgehaendigt = new(
        nameof(Art13InformationAusgehaendigt),
        "Vor dem Assessment muss die Information nach Art. 13 DSGVO ausgehändigt und vermerkt sein.",
        (f, s) => f.Art13InformiertAm is { } am && am <= s.FachlichesDatum);

    public static readonly Bedingung KompetenzprofilIstErfasst = new(
        nameof(KompetenzprofilIstErfasst),
        "Vor der Hilfeplanung muss das Kompetenzprofil erfasst sein, damit alle Stellen von derselben Einschätzung ausgehen.",
        (f, _) => f.Kompetenzprofil.IstErfasst);

    public static readonly Bedingung MindestensEinZielVereinbart = new(
        nameof(MindestensEinZielVereinbart),
        "Für die Umsetzung muss mindestens ein SMART-Ziel (was, bis wann, wer) vereinbart sein.",
        (f, s) => f.Ziele.Any(z => z.VereinbartAm <= s.FachlichesDatum));

    public static readonly Bedingung AlleZieleBewertet = new(
        nameof(AlleZieleBewertet),
        "Zum Abschluss muss die Zielerreichung aller vereinbarten Ziele bewertet sein.",
        (f, _) => f.Ziele.Count > 0 && f.Ziele.All(z => z.Bewertung is not null));

    // ---- Aufenthalt ----
    public static readonly Bedingung BerufsausbildungLaeuft = new(
        nameof(BerufsausbildungLaeuft),
        "Setzt eine begonnene Berufsausbildung voraus (Bildungs-Spur: Ausbildung).",
        (f, _) => f.Bildung.Zustand == BildungZustand.Ausbildung);

    public static readonly Bedingung BeschaeftigungsduldungVorduldung = new(
        nameof(BeschaeftigungsduldungVorduldung),
        "§ 60d AufenthG: Die Duldung besteht noch nicht so lange wie vorgeschrieben (Monate laut Regeltabelle).",
        (f, s) => f.Aufenthalt.GeduldetSeit is { } seit && s.TryWert(Regeln.BeschaeftigungsduldungVorduldungMonate, out var monate) && Zeit.VolleMonate(seit, s.FachlichesDatum) >= monate);

    public static readonly Bedingung BeschaeftigungsduldungBeschaeftigung = new(
        nameof(BeschaeftigungsduldungBeschaeftigung),
        "§ 60d AufenthG: Es fehlt eine Beschäftigung mit der vorgeschriebenen Wochenstundenzahl über die vorgeschriebene Dauer (Leistungs-Spur, Regeltabelle).",
        (f, s) => f.Leistungen.BeschaeftigtSeit is { } seit && f.Leistungen.Wochenstunden is { } stunden
            && s.TryWert(Regeln.BeschaeftigungsduldungBeschaeftigungMonate, out var monate) && s.TryWert(Regeln.BeschaeftigungsduldungWochenstunden, out var mindestStunden)
            && stunden >= mindestStunden && Zeit.VolleMonate(seit, s.FachlichesDatum) >= monate);

    public static readonly Bedingung BeschaeftigungsduldungSprache = new(
        nameof(BeschaeftigungsduldungSprache),
        "§ 60d AufenthG: Die Deutschkenntnisse im Kompetenzprofil reichen nicht (Niveau laut Regeltabelle).",
        (f, s) => s.TryWert(Regeln.BeschaeftigungsduldungSprachniveau, out var niveau) && f.Kompetenzprofil.Deutschniveau >= niveau);

    public static readonly Bedingung Paragraph25aAlter = new(
        nameof(Paragraph25aAlter),
        "§ 25a AufenthG: Der Antrag ist nur in der vorgeschriebenen Altersspanne möglich (Regeltabelle).",
        (f, s) => s.TryWert(Regeln.Paragraph25aMindestalter, out var min) && s.TryWert(Regeln.Paragraph25aHoechstalter, out var max)
            && f.Klient.AlterAm(s.FachlichesDatum) is var alter && alter >= min && alter <= max);

    public static readonly Bedingung Paragraph25aVoraufenthalt = new(
        nameof(Paragraph25aVoraufenthalt),
        "§ 25a AufenthG: Der Aufenthalt seit der Einreise ist kürzer als vorgeschrieben (Jahre laut Regeltabelle).",
        (f, s) => f.Klient.Einreisedatum is { } einreise && s.TryWert(Regeln.Paragraph25aVoraufenthaltJahre, out var jahre) && Zeit.VolleJahre(einreise, s.FachlichesDatum) >= jahre);

    public static readonly Bedingung Paragraph25bVoraufenthalt = new(
        nameof(Paragraph25bVoraufenthalt),
        "§ 25b AufenthG: Der Aufenthalt seit der Einreise ist kürzer als vorgeschrieben (Jahre laut Regeltabelle, mit minderjährigem Kind kürzer).",
        (f, s) => f.Klient.Einreisedatum is { } einreise
            && s.TryWert(f.Klient.MinderjaehrigeKinder > 0 ? Regeln.Paragraph25bVoraufenthaltMitKindJahre : Regeln.Paragraph25bVoraufenthaltJahre, out var jahre)
            && Zeit.VolleJahre(einreise, s.FachlichesDatum) >= jahre);

    public static readonly Bedingung Paragraph25bSprache = new(
        nameof(Paragraph25bSprache),
        "§ 25b AufenthG: Die Deutschkenntnisse im Kompetenzprofil reichen nicht (Niveau laut Regeltabelle).",
        (f, s) => s.TryWert(Regeln.Paragraph25bSprachniveau, out var niveau) && f.Kompetenzprofil.Deutschniveau >= niveau);

    public static readonly Bedingung ChancenaufenthaltsrechtNochErteilbar = new(
        nameof(ChancenaufenthaltsrechtNochErteilbar),
        "§ 104c AufenthG: Das Chancen-Aufenthaltsrecht kann zu diesem Datum nicht (mehr) neu erteilt werden (Erteilungsfrist laut Regeltabelle).",
        (_, s) => s.TryWert(Regeln.Paragraph104cErteilungBis, out var bis) && s.FachlichesDatum <= bis);

    public static readonly Bedingung ChancenaufenthaltsrechtVoraufenthalt = new(
        nameof(ChancenaufenthaltsrechtVoraufenthalt),
        "§ 104c AufenthG: Zum Stichtag fehlte der vorgeschriebene Voraufenthalt (Stichtag und Jahre laut Regeltabelle).",
        (f, s) => f.Klient.Einreisedatum is { } einreise && s.TryWert(Regeln.Paragraph104cStichtag, out var stichtag)
            && s.TryWert(Regeln.Paragraph104cVoraufenthaltJahre, out var jahre) && Zeit.VolleJahre(einreise, stichtag) >= jahre);

    public static readonly Bedingung ChancenaufenthaltsrechtLaufzeitAbgelaufen = new(
        nameof(ChancenaufenthaltsrechtLaufzeitAbgelaufen),
        "§ 104c AufenthG: Die Laufzeit des Chancen-Aufenthaltsrechts ist noch nicht abgelaufen (Monate laut Regeltabelle).",
        (f, s) => f.Aufenthalt.ChancenaufenthaltsrechtSeit is { } seit && s.TryWert(Regeln.Paragraph104cLaufzeitMonate, out var monate) && Zeit.VolleMonate(seit, s.FachlichesDatum) >= monate);

    public static readonly Bedingung NiederlassungMindestaufenthalt = new(
        nameof(NiederlassungMindestaufenthalt),
        "Niederlassungserlaubnis: Der rechtmäßige Aufenthalt hat die vorgeschriebene Dauer noch nicht erreicht (Jahre laut Regeltabelle).",
        (f, s) => f.Aufenthalt.RechtmaessigSeit is { } seit && s.TryWert(Regeln.NiederlassungMindestaufenthaltJahre, out var jahre) && Zeit.VolleJahre(seit, s.FachlichesDatum) >= jahre);

    public static readonly Bedingung NiederlassungSprache = new(
        nameof(NiederlassungSprache),
        "Niederlassungserlaubnis: Die Deutschkenntnisse im Kompetenzprofil reichen nicht (Niveau laut Regeltabelle).",
        (f, s) => s.TryWert(Regeln.NiederlassungSprachniveau, out var niveau) && f.Kompetenzprofil.Deutschniveau >= niveau);

    public static readonly Bedingung EinbuergerungMindestaufenthalt = new(
        nameof(EinbuergerungMindestaufenthalt),
        "Einbürgerung (§ 10 StAG): Der rechtmäßige gewöhnliche Aufenthalt hat die Mindestdauer noch nicht erreicht (Jahre laut Regeltabelle zum fachlichen Datum).",
        (f, s) => f.Aufenthalt.RechtmaessigSeit is { } seit && s.TryWert(Regeln.EinbuergerungMindestaufenthaltJahre, out var jahre) && Zeit.VolleJahre(seit, s.FachlichesDatum) >= jahre);

    public static readonly Bedingung EinbuergerungSprache = new(
        nameof(EinbuergerungSprache),
        "Einbürgerung (§ 10 StAG): Die Deutschkenntnisse im Kompetenzprofil reichen nicht (Niveau laut Regeltabelle).",
        (f, s) => s.TryWert(Regeln.EinbuergerungSprachniveau, out var niveau) && f.Kompetenzprofil.Deutschniveau >= niveau);

    public static readonly Bedingung EinbuergerungLebensunterhalt = new(
        nameof(EinbuergerungLebensunterhalt),
        "Einbürgerung (§ 10 StAG): Der Lebensunterhalt muss ohne SGB II/XII gesichert sein, oder eine zum fachlichen Datum geltende gesetzliche Ausnahme wird angegeben.",
        (f, s) => !f.BeziehtSgb2OderSgb12()
            || (s.Parameter.Auswahl<LebensunterhaltAusnahme>(ParameterNamen.LebensunterhaltAusnahme) is { } ausnahme
                && s.TryWert(Regeln.EinbuergerungLebensunterhaltAusnahmen, out var erlaubt)
                && erlaubt.Contains(ausnahme.ToString(), StringComparer.Ordinal)));

    // ---- Leistungen ----
    public static readonly Bedingung Sgb2BerechtigenderAufenthalt = new(
        nameof(Sgb2BerechtigenderAufenthalt),
        "Leistungen nach dem SGB II setzen einen dazu berechtigenden Aufenthaltsstatus voraus (Aufenthalts-Spur).",
        (f, s) => f.HatSgb2BerechtigendenAufenthalt(s));

    public static readonly Bedingung KeinSgb2BerechtigenderAufenthalt = new(
        nameof(KeinSgb2BerechtigenderAufenthalt),
        "Leistungen nach dem AsylbLG nur, solange kein zum SGB II berechtigender Aufenthaltsstatus besteht (Aufenthalts-Spur).",
        (f, s) => !f.HatSgb2BerechtigendenAufenthalt(s));

    // ---- Bildung ----
    public static readonly Bedingung KeineQualifizierungVorAlphabetisierung = new(
        nameof(KeineQualifizierungVorAlphabetisierung),
        "Keine Qualifizierungsmaßnahme, solange noch ein Alphabetisierungskurs nötig ist (Kompetenzprofil).",
        (f, _) => f.Kompetenzprofil.AlphabetisierungNoetig != true);

    public static readonly Bedingung AlphabetisierungsbedarfFestgestellt = new(
        nameof(AlphabetisierungsbedarfFestgestellt),
        "Ein Alphabetisierungskurs setzt einen festgestellten Alphabetisierungsbedarf voraus (Kompetenzprofil).",
        (f, _) => f.Kompetenzprofil.AlphabetisierungNoetig == true);

    public static readonly Bedingung IntegrationskursNochNichtAbgeschlossen = new(
        nameof(IntegrationskursNochNichtAbgeschlossen),
        "Der Integrationskurs ist bereits abgeschlossen.",
        (f, _) => !f.Bildung.IntegrationskursAbgeschlossen);

    public static readonly Bedingung IntegrationskursWiederholungMoeglich = new(
        nameof(IntegrationskursWiederholungMoeglich),
        "Die Wiederholung des Integrationskurses ist ausgeschöpft (Zahl der Wiederholungen laut Regeltabelle).",
        (f, s) => s.TryWert(Regeln.IntegrationskursMaxWiederholungen, out var max) && f.Bildung.IntegrationskursWiederholungen < max);

    public static readonly Bedingung BerufssprachkursZugang = new(
        nameof(BerufssprachkursZugang),
        "Ein Berufssprachkurs setzt Deutschkenntnisse auf dem Zugangsniveau voraus, nach abgeschlossenem Integrationskurs ein niedrigeres (Regeltabelle).",
        (f, s) => (s.TryWert(Regeln.BerufssprachkursZugangsniveau, out var niveau) && f.Kompetenzprofil.Deutschniveau >= niveau)
            || (f.Bildung.IntegrationskursAbgeschlossen && s.TryWert(Regeln.BerufssprachkursZugangsniveauNachIntegrationskurs, out var nachIk) && f.Kompetenzprofil.Deutschniveau >= nachIk));

    public static readonly Bedingung QualifizierungSprachniveau = new(
        nameof(QualifizierungSprachniveau),
        "Für eine Qualifizierung reichen die Deutschkenntnisse im Kompetenzprofil nicht (Niveau laut Regeltabelle).",
        (f, s) => s.TryWert(Regeln.QualifizierungMindestniveau, out var niveau) && f.Kompetenzprofil.Deutschniveau >= niveau);

    public static readonly Bedingung AusbildungSprachniveau = new(
        nameof(AusbildungSprachniveau),
        "Für eine Berufsausbildung reichen die Deutschkenntnisse im Kompetenzprofil nicht (Niveau laut Regeltabelle).",
        (f, s) => s.TryWert(Regeln.AusbildungMindestniveau, out var niveau) && f.Kompetenzprofil.Deutschniveau >= niveau);

    public static readonly Bedingung StudiumSprachniveau = new(
        nameof(StudiumSprachniveau),
        "Für ein Studium reichen die Deutschkenntnisse im Kompetenzprofil nicht (Niveau laut Regeltabelle).",
        (f, s) => s.TryWert(Regeln.StudiumMindestniveau, out var niveau) && f.Kompetenzprofil.Deutschniveau >= niveau);

    public static readonly Bedingung SchulpflichtigesAlter = new(
        nameof(SchulpflichtigesAlter),
        "Der Seiteneinstieg in die Schule ist nur im schulpflichtigen Alter möglich (Regeltabelle).",
        (f, s) => s.TryWert(Regeln.SeiteneinstiegHoechstalter, out var max) && f.Klient.AlterAm(s.FachlichesDatum) <= max);

    public static readonly Bedingung AuslaendischerAbschlussErfasst = new(
        nameof(AuslaendischerAbschlussErfasst),
        "Ein Anerkennungsverfahren setzt einen im Kompetenzprofil erfassten ausländischen Abschluss voraus.",
        (f, _) => f.Kompetenzprofil.Berufsabschluesse.Count > 0);

    /// <summary>Referral guard: a valid consent names the receiving authority on the day of the step.</summary>
    public static Bedingung EinwilligungFuer(Behoerde behoerde) => behoerde switch
    {
        Behoerde.Auslaenderbehoerde => EinwilligungAuslaenderbehoerde,
        Behoerde.Jobcenter => EinwilligungJobcenter,
        Behoerde.Bildungsberatung => EinwilligungBildungsberatung,
        _ => throw new ArgumentOutOfRangeException(nameof(behoerde), behoerde, null),
    };

    private static readonly Bedingung EinwilligungAuslaenderbehoerde = EinwilligungBedingung(Behoerde.Auslaenderbehoerde);
    private static readonly Bedingung EinwilligungJobcenter = EinwilligungBedingung(Behoerde.Jobcenter);
    private static readonly Bedingung EinwilligungBildungsberatung = EinwilligungBedingung(Behoerde.Bildungsberatung);

    private static Bedingung EinwilligungBedingung(Behoerde behoerde) => new(
        "EinwilligungFuer" + behoerde,
        $"Ohne gültige Einwilligung, die die {behoerde.Bezeichnung()} als Empfänger nennt, ist keine Überleitung dorthin möglich.",
        (f, s) => f.ErlaubtVerarbeitung(behoerde.AlsEmpfaenger(), s));
}
