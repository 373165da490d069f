using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Tests.Support;

namespace Kim.Casemanagement.Domain.Tests.Uebergaenge;

/// <summary>Valid parameters for every step, written from the *Katalog.cs definitions (required ones always, optional ones where they matter).</summary>
public static class GueltigeParameter
{
    private const string TitelBis = "2028-12-31";

    public static Dictionary<string, string?> Fuer(Spur spur, string trigger) => (spur, trigger) switch
    {
        (Spur.Prozess, "Verweisen") => Testzeit.P((ParameterNamen.Grund, "Kein komplexer Unterstützungsbedarf")),
        (Spur.Prozess, "Abschliessen") => Testzeit.P((ParameterNamen.Abschlussgrund, "ZieleErreicht")),
        (Spur.Prozess, "Ruhen") => Testzeit.P((ParameterNamen.Grund, "Längerer Auslandsaufenthalt")),
        (Spur.Prozess, "Abbrechen") => Testzeit.P((ParameterNamen.Abbruchgrund, "Wegzug")),

        (Spur.Aufenthalt, "Anerkennen") => Testzeit.P((ParameterNamen.Schutzform, "Fluechtlingseigenschaft")),
        (Spur.Aufenthalt, "AufenthaltserlaubnisErteilen" or "Paragraph16gErteilen" or "Paragraph25aErteilen" or "Paragraph25bErteilen"
            or "ChancenaufenthaltsrechtErteilen" or "Paragraph24Erteilen") =>
            Testzeit.P((ParameterNamen.GueltigBis, TitelBis), (ParameterNamen.Wohnsitzauflage, "true"), (ParameterNamen.Nebenbestimmungen, "Erwerbstätigkeit erlaubt")),
        (Spur.Aufenthalt, "SonstigeAufenthaltserlaubnisErteilen") =>
            Testzeit.P((ParameterNamen.Rechtsgrundlage, "§ 18a AufenthG"), (ParameterNamen.GueltigBis, TitelBis)),
        (Spur.Aufenthalt, "DuldungErteilen" or "DuldungUngeklaerteIdentitaetErteilen" or "AusbildungsduldungErteilen" or "BeschaeftigungsduldungErteilen"
            or "ChancenaufenthaltsrechtAblaufen") => Testzeit.P((ParameterNamen.GueltigBis, "2027-05-31")),
        (Spur.Aufenthalt, "Verlaengern") => Testzeit.P((ParameterNamen.GueltigBis, "2029-12-31")),

        (Spur.Leistungen, "Sgb2Ablehnen" or "LeistungsbezugBeenden") => Testzeit.P((ParameterNamen.Grund, "Einkommen deckt den Bedarf")),
        (Spur.Leistungen, "MassnahmeBeginnen") => Testzeit.P((ParameterNamen.Massnahmeart, "Berufssprachkurs")),
        (Spur.Leistungen, "QualifizierungBeginnen") => Testzeit.P((ParameterNamen.Bezeichnung, "Fachlagerist (Teilqualifizierung)")),
        (Spur.Leistungen, "BeschaeftigungAufnehmen") => Testzeit.P((ParameterNamen.Wochenstunden, "15")),
        (Spur.Leistungen, "ArbeitAufnehmenAufstockend") => Testzeit.P((ParameterNamen.Wochenstunden, "25")),
        (Spur.Leistungen, "ArbeitAufnehmenBedarfsdeckend") => Testzeit.P((ParameterNamen.Wochenstunden, "39")),

        (Spur.Bildung, "SprachstandFeststellen") => Testzeit.P((ParameterNamen.Sprachniveau, "B1"), (ParameterNamen.AlphabetisierungNoetig, "false")),
        (Spur.Bildung, "SprachstandAktualisieren") => Testzeit.P((ParameterNamen.Sprachniveau, "C1")),
        (Spur.Bildung, "AlphabetisierungskursAbschliessen") => Testzeit.P((ParameterNamen.Sprachniveau, "A2")),
        (Spur.Bildung, "IntegrationskursBerechtigen") => Testzeit.P((ParameterNamen.IntegrationskursArt, "Verpflichtung")),
        (Spur.Bildung, "IntegrationskursAbschliessen") => Testzeit.P((ParameterNamen.Ergebnis, "B1")),
        (Spur.Bildung, "BerufssprachkursAbschliessen") => Testzeit.P((ParameterNamen.Ergebnis, "B2")),
        (Spur.Bildung, "AnerkennungBeantragen") => Testzeit.P((ParameterNamen.ZabZeugnisbewertung, "false")),
        (Spur.Bildung, "AnerkennungEntscheiden") => Testzeit.P((ParameterNamen.Ergebnis, "Teilweise")),
        (Spur.Bildung, "SchulabschlussErreichen") => Testzeit.P((ParameterNamen.Bezeichnung, "Hauptschulabschluss nach Klasse 10")),
        (Spur.Bildung, "QualifizierungBeginnen") => Testzeit.P((ParameterNamen.Bezeichnung, "Fachlagerist (Teilqualifizierung)")),
        (Spur.Bildung, "AusbildungBeginnen") => Testzeit.P((ParameterNamen.Bezeichnung, "Elektroniker für Energie- und Gebäudetechnik")),
        (Spur.Bildung, "StudiumBeginnen") => Testzeit.P((ParameterNamen.Bezeichnung, "B. Sc. Elektrotechnik")),
        (Spur.Bildung, "BildungswegUnterbrechen") => Testzeit.P((ParameterNamen.Grund, "Umzug in eine andere Kommune")),

        (Spur.Ueberleitung, "Ablehnen") => Testzeit.P((ParameterNamen.Grund, "Nicht zuständig")),
        _ => [],
    };
}
