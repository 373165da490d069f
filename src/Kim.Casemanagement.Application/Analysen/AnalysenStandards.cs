using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Application.Analysen;

/// <summary>
/// Default ideal flows and milestones, derived from DOMAIN.md §3 and §5 and from source 004 ("idealer Fallverlauf": one
/// shared plan instead of parallel assessments, literacy before qualification, recognition followed at once by the
/// Rechtskreiswechsel with the competence profile, so that the Jobcenter does not start from scratch). A Kommune replaces
/// them by configuration (<c>Analysen:Idealverlauf:&lt;Spur&gt;</c>, <c>Analysen:Meilensteine</c>).
/// </summary>
public static class AnalysenStandards
{
    /// <summary>The default ideal flow of a track.</summary>
    public static IdealverlaufSpur Idealverlauf(Spur spur) => spur switch
    {
        // DGCC phases; Monitoring may return to Umsetzung or Hilfeplanung. An early Verweisung is the right decision when
        // case management is not indicated. Ruhen, Abbruch and Wiederaufnahme are deviations.
        Spur.Prozess => new IdealverlaufSpur
        {
            Pfade =
            [
                "Anfrage>Klaerung>Assessment>Hilfeplanung>Umsetzung>Monitoring>Evaluation>Abschluss",
                "Monitoring>Umsetzung",
                "Monitoring>Hilfeplanung",
                "Klaerung>Verweisung",
            ],
            Wartezustaende = ["Anfrage", "Klaerung"],
        },

        // Asylum to protection to a consolidated permit; extensions decided before expiry (a Fiktionsbescheinigung means
        // the authority did not decide in time); the legal ways out of Duldung (§§ 60c, 60d, 16g, 25a, 25b).
        Spur.Aufenthalt => new IdealverlaufSpur
        {
            Pfade =
            [
                "KeinStatus>Asylgesuch>Ankunftsnachweis>Aufenthaltsgestattung>Schutzstatus>AufenthaltserlaubnisSchutz>Niederlassungserlaubnis>Eingebuergert",
                "AufenthaltserlaubnisSchutz>Eingebuergert",
                "AufenthaltserlaubnisSchutz>VerlaengerungBeantragt>AufenthaltserlaubnisSchutz",
                "KeinStatus>Aufenthaltserlaubnis24>VerlaengerungBeantragt>Aufenthaltserlaubnis24",
                "KeinStatus>AufenthaltserlaubnisSonstige>VerlaengerungBeantragt>AufenthaltserlaubnisSonstige>Niederlassungserlaubnis",
                "Ausreisepflichtig>Duldung>Ausbildungsduldung>Aufenthaltserlaubnis16g",
                "Duldung>Beschaeftigungsduldung",
                "Duldung>Aufenthaltserlaubnis25a>Niederlassungserlaubnis",
                "Duldung>Aufenthaltserlaubnis25b>Niederlassungserlaubnis",
                "DuldungUngeklaerteIdentitaet>Duldung",
                "Aufenthaltserlaubnis25a>VerlaengerungBeantragt>Aufenthaltserlaubnis25a",
                "Aufenthaltserlaubnis25b>VerlaengerungBeantragt>Aufenthaltserlaubnis25b",
                "Aufenthaltserlaubnis16g>VerlaengerungBeantragt>Aufenthaltserlaubnis16g",
            ],
            Wartezustaende = ["Asylgesuch", "Ankunftsnachweis", "Aufenthaltsgestattung", "Schutzstatus", "VerlaengerungBeantragt", "Fiktionsbescheinigung", "Ausreisepflichtig"],
        },

        // AsylbLG → Rechtskreiswechsel → SGB II → Potenzialanalyse → Kooperationsplan → Maßnahme → Arbeit/Ausbildung.
        Spur.Leistungen => new IdealverlaufSpur
        {
            Pfade =
            [
                "KeinLeistungsbezug>AsylbLG>RechtskreiswechselFaellig>Sgb2Beantragt>Sgb2Bewilligt>Potenzialanalyse>Kooperationsplan>Massnahme>Kooperationsplan",
                "KeinLeistungsbezug>Sgb2Beantragt",
                "KeinLeistungsbezug>RechtskreiswechselFaellig",
                "Massnahme>ArbeitBedarfsdeckend",
                "Massnahme>ArbeitAufstockend>ArbeitBedarfsdeckend",
                "Kooperationsplan>ArbeitBedarfsdeckend",
                "Kooperationsplan>ArbeitAufstockend",
                "Sgb2Bewilligt>ArbeitAufstockend",
            ],
            Wartezustaende = ["RechtskreiswechselFaellig", "Sgb2Beantragt", "Sgb2Bewilligt", "Potenzialanalyse", "Schlichtung"],
        },

        // Erstberatung → Sprachstand → (Alphabetisierung →) Integrationskurs → Berufssprachkurs → Anerkennung → Ausbildung,
        // Qualifizierung or Studium; school for young newcomers.
        Spur.Bildung => new IdealverlaufSpur
        {
            Pfade =
            [
                "KeineBeratung>Erstberatung>SprachstandFestgestellt>IntegrationskursBerechtigt>IntegrationskursEingestuft>IntegrationskursLaeuft>IntegrationskursPruefung>IntegrationskursAbgeschlossen>Berufssprachkurs>BerufssprachkursAbgeschlossen>AnerkennungBeratung>AnerkennungBeantragt>AnerkennungAbgeschlossen>Ausbildung>AusbildungAbgeschlossen",
                "SprachstandFestgestellt>Alphabetisierungskurs>SprachstandFestgestellt",
                "AnerkennungBeantragt>Ausgleichsmassnahme>AnerkennungAbgeschlossen",
                "IntegrationskursAbgeschlossen>AnerkennungBeratung",
                "IntegrationskursAbgeschlossen>Ausbildung",
                "IntegrationskursAbgeschlossen>Qualifizierung>QualifizierungAbgeschlossen",
                "BerufssprachkursAbgeschlossen>Ausbildung",
                "BerufssprachkursAbgeschlossen>Qualifizierung",
                "BerufssprachkursAbgeschlossen>Studium>StudiumAbgeschlossen",
                "AnerkennungAbgeschlossen>Qualifizierung",
                "AnerkennungAbgeschlossen>Studium",
                "SprachstandFestgestellt>SchuleErstfoerderung>SchuleRegelunterricht>SchuleAbgeschlossen>Ausbildung",
                "SprachstandFestgestellt>Berufssprachkurs",
            ],
            Wartezustaende = ["Erstberatung", "SprachstandFestgestellt", "IntegrationskursBerechtigt", "IntegrationskursEingestuft", "AnerkennungBeantragt"],
        },

        Spur.Ueberleitung => new IdealverlaufSpur
        {
            Pfade = ["Angefragt>Angenommen>Erledigt"],
            Wartezustaende = ["Angefragt", "Angenommen"],
        },
        _ => new IdealverlaufSpur(),
    };

    /// <summary>The default milestones (DOMAIN.md §5).</summary>
    public static List<MeilensteinDefinition> Meilensteine() =>
    [
        Meilenstein("einreise-integrationskurs", "Einreise → Integrationskurs begonnen", Punkt(MeilensteinArt.Einreise),
            Punkt(MeilensteinArt.Zustand, "Bildung.IntegrationskursLaeuft", "Bildung.IntegrationskursPruefung", "Bildung.IntegrationskursWiederholung", "Bildung.IntegrationskursAbgeschlossen")),
        Meilenstein("anerkennung-sgb2", "Anerkennung → SGB II bewilligt", Punkt(MeilensteinArt.Zustand, "Aufenthalt.Schutzstatus"),
            Punkt(MeilensteinArt.Zustand, "Leistungen.Sgb2Bewilligt")),
        Meilenstein("rechtskreiswechsel-sgb2", "Rechtskreiswechsel fällig → SGB II bewilligt", Punkt(MeilensteinArt.Zustand, "Leistungen.RechtskreiswechselFaellig"),
            Punkt(MeilensteinArt.Zustand, "Leistungen.Sgb2Bewilligt")),
        Meilenstein("einreise-arbeit-ausbildung", "Einreise → Arbeit oder Ausbildung", Punkt(MeilensteinArt.Einreise),
            Punkt(MeilensteinArt.Zustand, "Leistungen.ArbeitAufstockend", "Leistungen.ArbeitBedarfsdeckend", "Bildung.Ausbildung")),
        Meilenstein("duldung-bleiberecht", "Duldung → Aufenthaltserlaubnis (§§ 16g, 25a, 25b, 104c)", Punkt(MeilensteinArt.Zustand, "Aufenthalt.Duldung"),
            Punkt(MeilensteinArt.Zustand, "Aufenthalt.Aufenthaltserlaubnis16g", "Aufenthalt.Aufenthaltserlaubnis25a", "Aufenthalt.Aufenthaltserlaubnis25b", "Aufenthalt.Chancenaufenthaltsrecht")),
        Meilenstein("aufnahme-abschluss", "Aufnahme → Abschluss des Case Managements", Punkt(MeilensteinArt.Aufnahme),
            Punkt(MeilensteinArt.Zustand, "Prozess.Abschluss")),
    ];

    private static MeilensteinDefinition Meilenstein(string schluessel, string bezeichnung, MeilensteinPunkt start, MeilensteinPunkt ende) =>
        new() { Schluessel = schluessel, Bezeichnung = bezeichnung, Start = start, Ende = ende };

    private static MeilensteinPunkt Punkt(MeilensteinArt art, params string[] zustaende) => new() { Art = art, Zustaende = [.. zustaende] };
}
