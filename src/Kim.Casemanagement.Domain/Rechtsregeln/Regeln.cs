using System.Globalization;
using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Domain.Rechtsregeln;

/// <summary>The keys of every dated legal rule the guards read. The values live in <see cref="Rechtsregeltabelle"/>.</summary>
public static class Regeln
{
    public static readonly RegelSchluessel<int> EinbuergerungMindestaufenthaltJahre = Int("Einbuergerung.MindestaufenthaltJahre");
    public static readonly RegelSchluessel<Sprachniveau> EinbuergerungSprachniveau = Niveau("Einbuergerung.Sprachniveau");
    public static readonly RegelSchluessel<IReadOnlyList<string>> EinbuergerungLebensunterhaltAusnahmen = Liste("Einbuergerung.LebensunterhaltAusnahmen");

    public static readonly RegelSchluessel<int> NiederlassungMindestaufenthaltJahre = Int("Niederlassungserlaubnis.MindestaufenthaltJahre");
    public static readonly RegelSchluessel<Sprachniveau> NiederlassungSprachniveau = Niveau("Niederlassungserlaubnis.Sprachniveau");

    public static readonly RegelSchluessel<int> BeschaeftigungsduldungVorduldungMonate = Int("Paragraph60d.VorduldungMonate");
    public static readonly RegelSchluessel<int> BeschaeftigungsduldungBeschaeftigungMonate = Int("Paragraph60d.BeschaeftigungMonate");
    public static readonly RegelSchluessel<int> BeschaeftigungsduldungWochenstunden = Int("Paragraph60d.Wochenstunden");
    public static readonly RegelSchluessel<Sprachniveau> BeschaeftigungsduldungSprachniveau = Niveau("Paragraph60d.Sprachniveau");

    public static readonly RegelSchluessel<int> Paragraph25bVoraufenthaltJahre = Int("Paragraph25b.VoraufenthaltJahre");
    public static readonly RegelSchluessel<int> Paragraph25bVoraufenthaltMitKindJahre = Int("Paragraph25b.VoraufenthaltMitKindJahre");
    public static readonly RegelSchluessel<Sprachniveau> Paragraph25bSprachniveau = Niveau("Paragraph25b.Sprachniveau");

    public static readonly RegelSchluessel<int> Paragraph25aMindestalter = Int("Paragraph25a.MindestalterJahre");
    public static readonly RegelSchluessel<int> Paragraph25aHoechstalter = Int("Paragraph25a.HoechstalterJahre");
    public static readonly RegelSchluessel<int> Paragraph25aVoraufenthaltJahre = Int("Paragraph25a.VoraufenthaltJahre");

    public static readonly RegelSchluessel<DateOnly> Paragraph104cErteilungBis = Datum("Paragraph104c.ErteilungBis");
    public static readonly RegelSchluessel<DateOnly> Paragraph104cStichtag = Datum("Paragraph104c.Stichtag");
    public static readonly RegelSchluessel<int> Paragraph104cVoraufenthaltJahre = Int("Paragraph104c.VoraufenthaltJahre");
    public static readonly RegelSchluessel<int> Paragraph104cLaufzeitMonate = Int("Paragraph104c.LaufzeitMonate");

    public static readonly RegelSchluessel<IReadOnlyList<string>> Sgb2BerechtigendeAufenthaltszustaende = Liste("Leistungen.SGB2BerechtigendeAufenthaltszustaende");
    public static readonly RegelSchluessel<DateOnly> Paragraph24Sgb2NurBeiErsterteilungBis = Datum("Leistungen.Paragraph24SGB2NurBeiErsterteilungBis");
    public static readonly RegelSchluessel<int> KooperationsplanUeberpruefungMonate = Int("Leistungen.KooperationsplanUeberpruefungMonate");
    public static readonly RegelSchluessel<string> Sgb2Leistungsbezeichnung = Text("Leistungen.SGB2Leistungsbezeichnung");

    public static readonly RegelSchluessel<Sprachniveau> AusbildungMindestniveau = Niveau("Bildung.MindestniveauAusbildung");
    public static readonly RegelSchluessel<Sprachniveau> StudiumMindestniveau = Niveau("Bildung.MindestniveauStudium");
    public static readonly RegelSchluessel<Sprachniveau> QualifizierungMindestniveau = Niveau("Bildung.MindestniveauQualifizierung");
    public static readonly RegelSchluessel<Sprachniveau> BerufssprachkursZugangsniveau = Niveau("Bildung.ZugangsniveauBerufssprachkurs");
    public static readonly RegelSchluessel<Sprachniveau> BerufssprachkursZugangsniveauNachIntegrationskurs = Niveau("Bildung.ZugangsniveauBerufssprachkursNachIntegrationskurs");
    public static readonly RegelSchluessel<int> IntegrationskursMaxWiederholungen = Int("Bildung.IntegrationskursMaxWiederholungen");
    public static readonly RegelSchluessel<int> SeiteneinstiegHoechstalter = Int("Bildung.SeiteneinstiegHoechstalterJahre");

    public static readonly RegelSchluessel<int> JungeErwachseneVonJahre = Int("Zielgruppe.JungeErwachseneVonJahre");
    public static readonly RegelSchluessel<int> JungeErwachseneBisJahre = Int("Zielgruppe.JungeErwachseneBisJahre");
    public static readonly RegelSchluessel<int> ZieldimensionIJahre = Int("Zielgruppe.ZieldimensionIJahreAbEinreise");

    // Retention per category of data (Löschkonzept, docs/loeschkonzept.md): an ISO 8601 period from the category's trigger.

    /// <summary>The case file (Fall, Klient, events, notes, goals, consents ...): period after Abschluss, Abbruch or Verweisung.</summary>
    public static readonly RegelSchluessel<Frist> AufbewahrungFallakte = Dauer("Aufbewahrung.FallakteNachAbschluss");

    /// <summary>Audit rows (who read or changed what): period after the access; removed by whole sealed segments.</summary>
    public static readonly RegelSchluessel<Frist> AufbewahrungAuditprotokoll = Dauer("Aufbewahrung.Auditprotokoll");

    /// <summary>Notices in the inbox: period after the notice was written.</summary>
    public static readonly RegelSchluessel<Frist> AufbewahrungBenachrichtigungen = Dauer("Aufbewahrung.Benachrichtigungen");

    /// <summary>Server-side sessions: period after the session ended or expired.</summary>
    public static readonly RegelSchluessel<Frist> AufbewahrungSitzungen = Dauer("Aufbewahrung.Sitzungen");

    /// <summary>Idempotency keys of writes with their stored answers: period after the write.</summary>
    public static readonly RegelSchluessel<Frist> AufbewahrungIdempotenz = Dauer("Aufbewahrung.Idempotenzschluessel");

    private static RegelSchluessel<int> Int(string name) => new(name, v => int.Parse(v, NumberStyles.Integer, CultureInfo.InvariantCulture));

    private static RegelSchluessel<Sprachniveau> Niveau(string name) => new(name, v => Enum.Parse<Sprachniveau>(v, ignoreCase: false));

    private static RegelSchluessel<DateOnly> Datum(string name) => new(name, v => DateOnly.ParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static RegelSchluessel<Frist> Dauer(string name) => new(name, Frist.Parse);

    private static RegelSchluessel<string> Text(string name) => new(name, v => v);

    private static RegelSchluessel<IReadOnlyList<string>> Liste(string name) =>
        new(name, v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
