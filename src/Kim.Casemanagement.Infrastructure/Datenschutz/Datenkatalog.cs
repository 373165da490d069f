using Kim.Casemanagement.Domain.Rechtsregeln;

namespace Kim.Casemanagement.Infrastructure.Datenschutz;

/// <summary>The kind of data a column holds (the Art. 30 record groups by it, the Art. 15 copy labels by it).</summary>
public enum Datenart
{
    /// <summary>Name, birth date, sex, country of origin, household.</summary>
    Stammdaten,

    /// <summary>Residence status, titles, dates of the Ausländerbehörde.</summary>
    Aufenthalt,

    /// <summary>Benefits and measures of the Jobcenter, employment.</summary>
    Leistungen,

    /// <summary>Courses, language level, school and vocational education.</summary>
    Bildung,

    /// <summary>The Kompetenzprofil (skills, languages, qualifications).</summary>
    Kompetenzprofil,

    /// <summary>The course of the case: states, steps, dates, goals, follow-ups, referrals.</summary>
    Fallverlauf,

    /// <summary>Consents to share data with partner authorities.</summary>
    Einwilligung,

    /// <summary>Free text a person wrote (notes, subjects, reasons): may hold anything about the client, including Art. 9 data.</summary>
    Freitext,

    /// <summary>A key or file number that identifies a Fall, client or record.</summary>
    Kennung,

    /// <summary>Data about staff: account, name, team, authority, who did what.</summary>
    Beschaeftigte,

    /// <summary>Credentials and security state of a staff account.</summary>
    Zugangsdaten,

    /// <summary>Access log (audit trail) and its seals.</summary>
    Protokoll,

    /// <summary>Technical data without a person (keys, counters, hashes, configuration).</summary>
    Technisch,

    /// <summary>Aggregated figures without a person (suppressed below the minimum group size).</summary>
    Aggregat,
}

/// <summary>Whose data a table holds.</summary>
public enum Betroffene
{
    /// <summary>The client (Klient*in) of a Fall.</summary>
    Klienten,

    /// <summary>Staff of the Kommune and the partner authorities.</summary>
    Beschaeftigte,

    /// <summary>Clients and staff (e.g. an event: what happened to the client, and who did it).</summary>
    KlientenUndBeschaeftigte,

    /// <summary>No person.</summary>
    Keine,
}

/// <summary>How the rows of a table relate to a Fall, which decides what the erasure of a Fall does with them.</summary>
public enum Fallbezug
{
    /// <summary>The Fall's own row: replaced by an anonymised copy under a new random id.</summary>
    Fall,

    /// <summary>The client's row: deleted with the client's last Fall.</summary>
    Klient,

    /// <summary>A child row of the Fall: deleted with it.</summary>
    Kind,

    /// <summary>A child row the analyses need: kept, moved to the anonymised Fall and coarsened column by column.</summary>
    KindAnonymisiert,

    /// <summary>A row that names the Fall but has its own short period (notices, idempotency records): deleted with the Fall.</summary>
    Verweis,

    /// <summary>The client's key (crypto-shredding): deleted with the client's row; a secret, never part of the Art. 15 copy.</summary>
    Schluessel,

    /// <summary>Not part of a Fall: its own retention rule, or no personal data.</summary>
    Keiner,
}

/// <summary>What the erasure of a Fall does with one column.</summary>
public enum Loeschung
{
    /// <summary>The row is deleted (the column goes with it).</summary>
    Loeschen,

    /// <summary>On the kept row: emptied (NULL, or the empty value of a required column).</summary>
    Leeren,

    /// <summary>On the kept row: coarsened (see the column's description).</summary>
    Vergroebern,

    /// <summary>On the kept row: replaced by a new random id that nothing links to the old one.</summary>
    NeueKennung,

    /// <summary>On the kept row: unchanged (needed by the Lenkungsgruppe's figures, no link to the person left).</summary>
    Behalten,

    /// <summary>Not touched by the erasure of a Fall: the table has its own retention period.</summary>
    EigeneFrist,

    /// <summary>No personal data: kept.</summary>
    Dauerhaft,
}

/// <summary>How the Art. 15 copy (<c>Auskunft</c>) shows a column's value: the copy holds no other person's data.</summary>
public enum Auskunftsform
{
    /// <summary>The stored value as it is.</summary>
    Wert,

    /// <summary>A staff account or team: shown as role and authority (the name only where the Kommune's configuration allows), never the account id.</summary>
    Beschaeftigte,

    /// <summary>A link to other persons (e.g. the household): only whether it is set, never the value that would lead to them.</summary>
    NurVerknuepfung,
}

/// <summary>
/// One column of the catalogue. <paramref name="Anonym"/> is the SQL expression the erasure writes into the anonymised
/// copy of the row (tables with <see cref="Fallbezug.Fall"/> or <see cref="Fallbezug.KindAnonymisiert"/>, copied by
/// INSERT … SELECT): it reads the old row as <c>f</c> (and, for <c>faelle</c>, its client as <c>k</c>); parameters
/// <c>@neu</c> (the new id of the Fall), <c>@heute</c> (the day of the run) and <c>@neue_id</c> (the new id of the row).
/// <paramref name="Darstellung"/> says how the Art. 15 copy shows the value; unset: staff columns
/// (<see cref="Datenart.Beschaeftigte"/>) as role and authority, every other column as stored (<see cref="InAuskunft"/>).
/// </summary>
public sealed record KatalogSpalte(string Name, Datenart Art, Loeschung Loeschung, string Beschreibung, string? Anonym = null, Auskunftsform? Darstellung = null)
{
    /// <summary>How the Art. 15 copy shows this column.</summary>
    public Auskunftsform InAuskunft => Darstellung ?? (Art == Datenart.Beschaeftigte ? Auskunftsform.Beschaeftigte : Auskunftsform.Wert);
}

/// <summary>One table of the catalogue: whose data, why, how long, and every column.</summary>
public sealed record KatalogTabelle(
    string Name,
    string Bezeichnung,
    Betroffene Betroffene,
    Fallbezug Fallbezug,
    string Zweck,
    RegelSchluessel<Frist>? Aufbewahrung,
    string Loeschregel,
    IReadOnlyList<KatalogSpalte> Spalten)
{
    public KatalogSpalte Spalte(string name) =>
        Spalten.SingleOrDefault(s => s.Name == name) ?? throw new KeyNotFoundException($"{Name}.{name} steht nicht im Datenkatalog.");

    /// <summary>Whether the table holds data about a person (anything but <see cref="Betroffene.Keine"/>).</summary>
    public bool Personenbezogen => Betroffene != Betroffene.Keine;
}

/// <summary>
/// The catalogue of personal data (Issue 15, item 1; docs/loeschkonzept.md): every table and every column of the
/// database, described once, with the kind of data, whose it is, its purpose, its retention rule and what the erasure of
/// a Fall does with it. The erasure job (<c>FallLoeschung</c>), the Art. 15 copy and the Art. 30 record read it; a test
/// fails when a migration adds a table or column that is not here, or when this names one the database lacks.
/// </summary>
public static class Datenkatalog
{
    /// <summary>The keys of an event's parameters that stay when the Fall is anonymised (the analyses' closing reasons).</summary>
    public static readonly IReadOnlyList<string> BehalteneEreignisParameter = ["abschlussgrund", "abbruchgrund"];

    private const string Leer = "''";

    public static IReadOnlyList<KatalogTabelle> Tabellen { get; } =
    [
        T("klienten", "Klient*innen", Betroffene.Klienten, Fallbezug.Klient,
            "Identifikation der Klient*in und Merkmale für die Fallarbeit (Zielgruppe, Haushalt)",
            Regeln.AufbewahrungFallakte, "mit dem letzten Fall der Klient*in gelöscht; was die Analysen brauchen, bleibt vergröbert am anonymisierten Fall",
            S("id", Datenart.Kennung, Loeschung.Loeschen, "Kennung der Klient*in"),
            S("mandant", Datenart.Technisch, Loeschung.Loeschen, "Kommune (Mandant)"),
            S("vorname", Datenart.Stammdaten, Loeschung.Loeschen, "Vorname"),
            S("nachname", Datenart.Stammdaten, Loeschung.Loeschen, "Nachname"),
            S("geburtsdatum", Datenart.Stammdaten, Loeschung.Loeschen, "Geburtsdatum; am anonymisierten Fall bleibt nur das Alter in vollen Jahren bei Aufnahme"),
            S("geschlecht", Datenart.Stammdaten, Loeschung.Loeschen, "Geschlecht"),
            S("herkunftsland", Datenart.Stammdaten, Loeschung.Loeschen, "Herkunftsland"),
            S("einreisedatum", Datenart.Aufenthalt, Loeschung.Loeschen, "Einreisedatum; bleibt am anonymisierten Fall (Meilenstein der Verlaufsanalysen)"),
            S("haushalt_id", Datenart.Stammdaten, Loeschung.Loeschen, "Verweis auf den Haushalt (andere Klient*innen desselben Haushalts)", darstellung: Auskunftsform.NurVerknuepfung),
            S("minderjaehrige_kinder", Datenart.Stammdaten, Loeschung.Loeschen, "Anzahl minderjähriger Kinder"),
            S("erstellt_am", Datenart.Fallverlauf, Loeschung.Loeschen, "Zeitpunkt der Erfassung")),

        T("klient_schluessel", "Schlüssel der Klient*innen", Betroffene.Klienten, Fallbezug.Schluessel,
            "Verschlüsselung der bisherigen Stammdaten im Protokoll einer Berichtigung (Art. 16 DSGVO); mit der Klient*in gelöscht, danach ist das Protokoll nicht mehr lesbar",
            Regeln.AufbewahrungFallakte, "mit der Zeile der Klient*in gelöscht (ON DELETE CASCADE)",
            S("klient_id", Datenart.Kennung, Loeschung.Loeschen, "Klient*in"),
            S("mandant", Datenart.Technisch, Loeschung.Loeschen, "Kommune (Mandant)"),
            S("schluessel", Datenart.Technisch, Loeschung.Loeschen, "Schlüssel (AES-256)"),
            S("erstellt_am", Datenart.Technisch, Loeschung.Loeschen, "angelegt am")),

        T("faelle", "Fälle", Betroffene.KlientenUndBeschaeftigte, Fallbezug.Fall,
            "Fallführung im KIM-Case-Management über die Spuren Prozess, Aufenthalt, Leistungen und Bildung",
            Regeln.AufbewahrungFallakte, "Frist ab Abschluss, Abbruch oder Verweisung; danach anonymisiert unter neuer Zufallskennung, ohne Klient*in",
            S("id", Datenart.Kennung, Loeschung.NeueKennung, "Kennung des Falls", "@neu"),
            S("mandant", Datenart.Technisch, Loeschung.Behalten, "Kommune (Mandant)", "f.mandant"),
            S("aktenzeichen", Datenart.Kennung, Loeschung.NeueKennung, "Aktenzeichen; am anonymisierten Fall durch die neue Kennung ersetzt", "'anonym-' || @neu::text"),
            S("klient_id", Datenart.Kennung, Loeschung.Leeren, "Verweis auf die Klient*in", "NULL"),
            S("fallmanager_id", Datenart.Beschaeftigte, Loeschung.Leeren, "zuständige Fallmanager*in", "NULL"),
            S("team_id", Datenart.Beschaeftigte, Loeschung.Behalten, "zuständiges Team (Filter der Analysen)", "f.team_id"),
            S("aufgenommen_am", Datenart.Fallverlauf, Loeschung.Behalten, "Tag der Aufnahme (Kohorte der Analysen)", "f.aufgenommen_am"),
            S("erstellt_am", Datenart.Fallverlauf, Loeschung.Vergroebern, "Zeitpunkt der Anlage; anonymisiert: der Tag der Aufnahme", "f.aufgenommen_am::timestamp AT TIME ZONE 'UTC'"),
            S("geaendert_am", Datenart.Fallverlauf, Loeschung.Vergroebern, "Zeitpunkt der letzten Änderung; anonymisiert: der Tag, seit dem der Prozess beendet ist", "f.prozess_seit::timestamp AT TIME ZONE 'UTC'"),
            S("version", Datenart.Technisch, Loeschung.Vergroebern, "Änderungszähler; anonymisiert um eins erhöht (die Analysen lesen den Fall neu)", "f.version + 1"),
            S("ereignis_anzahl", Datenart.Technisch, Loeschung.Behalten, "Anzahl der Ereignisse", "f.ereignis_anzahl"),
            S("art13_informiert_am", Datenart.Einwilligung, Loeschung.Leeren, "Tag der Information nach Art. 13 DSGVO", "NULL"),
            S("letzter_kontakt_am", Datenart.Fallverlauf, Loeschung.Leeren, "Tag des letzten Kontakts", "NULL"),
            S("prozess_zustand", Datenart.Fallverlauf, Loeschung.Behalten, "Phase des Case-Managements", "f.prozess_zustand"),
            S("prozess_seit", Datenart.Fallverlauf, Loeschung.Behalten, "Tag seit der Phase", "f.prozess_seit"),
            S("prozess_phase_vor_ruhen", Datenart.Fallverlauf, Loeschung.Behalten, "Phase vor dem Ruhen", "f.prozess_phase_vor_ruhen"),
            S("prozess_abschlussgrund", Datenart.Fallverlauf, Loeschung.Behalten, "Abschlussgrund (Schlüssel)", "f.prozess_abschlussgrund"),
            S("prozess_abbruchgrund", Datenart.Fallverlauf, Loeschung.Behalten, "Abbruchgrund (Schlüssel)", "f.prozess_abbruchgrund"),
            S("aufenthalt_zustand", Datenart.Aufenthalt, Loeschung.Behalten, "Aufenthaltsstatus (Zustand)", "f.aufenthalt_zustand"),
            S("aufenthalt_seit", Datenart.Aufenthalt, Loeschung.Behalten, "Tag seit dem Aufenthaltsstatus", "f.aufenthalt_seit"),
            S("aufenthalt_rechtmaessig_seit", Datenart.Aufenthalt, Loeschung.Leeren, "rechtmäßiger Aufenthalt seit", "NULL"),
            S("aufenthalt_geduldet_seit", Datenart.Aufenthalt, Loeschung.Leeren, "geduldet seit", "NULL"),
            S("aufenthalt_schutzform", Datenart.Aufenthalt, Loeschung.Leeren, "Schutzform", "NULL"),
            S("aufenthalt_titel_art", Datenart.Aufenthalt, Loeschung.Leeren, "Art des Aufenthaltstitels", "NULL"),
            S("aufenthalt_rechtsgrundlage", Datenart.Aufenthalt, Loeschung.Leeren, "Rechtsgrundlage des Titels", "NULL"),
            S("aufenthalt_titel_gueltig_ab", Datenart.Aufenthalt, Loeschung.Leeren, "Titel gültig ab", "NULL"),
            S("aufenthalt_gueltig_bis", Datenart.Aufenthalt, Loeschung.Leeren, "Titel oder Duldung gültig bis", "NULL"),
            S("aufenthalt_nebenbestimmungen", Datenart.Freitext, Loeschung.Leeren, "Nebenbestimmungen (Freitext)", "NULL"),
            S("aufenthalt_wohnsitzauflage", Datenart.Aufenthalt, Loeschung.Leeren, "Wohnsitzauflage (anonymisiert: nein)", "false"),
            S("aufenthalt_erste_p24_erteilung_am", Datenart.Aufenthalt, Loeschung.Leeren, "erste Erteilung nach § 24 AufenthG", "NULL"),
            S("aufenthalt_chancen_seit", Datenart.Aufenthalt, Loeschung.Leeren, "Chancen-Aufenthaltsrecht seit", "NULL"),
            S("leistungen_zustand", Datenart.Leistungen, Loeschung.Behalten, "Leistungsbezug (Zustand)", "f.leistungen_zustand"),
            S("leistungen_seit", Datenart.Leistungen, Loeschung.Behalten, "Tag seit dem Leistungszustand", "f.leistungen_seit"),
            S("leistungen_kooperationsplan_am", Datenart.Leistungen, Loeschung.Leeren, "Tag des Kooperationsplans", "NULL"),
            S("leistungen_massnahme", Datenart.Leistungen, Loeschung.Leeren, "Maßnahme", "NULL"),
            S("leistungen_beschaeftigt_seit", Datenart.Leistungen, Loeschung.Leeren, "beschäftigt seit", "NULL"),
            S("leistungen_wochenstunden", Datenart.Leistungen, Loeschung.Leeren, "Wochenstunden der Beschäftigung", "NULL"),
            S("bildung_zustand", Datenart.Bildung, Loeschung.Behalten, "Bildungsweg (Zustand)", "f.bildung_zustand"),
            S("bildung_seit", Datenart.Bildung, Loeschung.Behalten, "Tag seit dem Bildungszustand", "f.bildung_seit"),
            S("bildung_ik_art", Datenart.Bildung, Loeschung.Leeren, "Art des Integrationskurses", "NULL"),
            S("bildung_ik_wiederholungen", Datenart.Bildung, Loeschung.Leeren, "Wiederholungen des Integrationskurses (anonymisiert: 0)", "0"),
            S("bildung_ik_abgeschlossen", Datenart.Bildung, Loeschung.Leeren, "Integrationskurs abgeschlossen (anonymisiert: nein)", "false"),
            S("bildung_massnahmebezeichnung", Datenart.Freitext, Loeschung.Leeren, "Bezeichnung der Bildungsmaßnahme (Freitext)", "NULL"),
            S("kompetenzprofil", Datenart.Kompetenzprofil, Loeschung.Leeren, "Kompetenzprofil (anonymisiert: leer)", "'{}'::jsonb"),
            S("anonymisiert_am", Datenart.Technisch, Loeschung.Vergroebern, "Tag der Anonymisierung (nur am anonymisierten Fall)", "@heute"),
            S("anonym_alter_bei_aufnahme", Datenart.Stammdaten, Loeschung.Vergroebern,
                "Alter in vollen Jahren bei Aufnahme (nur am anonymisierten Fall; statt des Geburtsdatums, für die Altersgruppe der Analysen)",
                Analysen.KohortenSql.AlterAusGeburtsdatum),
            S("anonym_einreisedatum", Datenart.Aufenthalt, Loeschung.Vergroebern,
                "Einreisedatum (nur am anonymisierten Fall; Meilenstein und Zieldimension I der Analysen)", "k.einreisedatum")),

        T("einwilligungen", "Einwilligungen", Betroffene.KlientenUndBeschaeftigte, Fallbezug.Kind,
            "Nachweis der Einwilligungen in die Übermittlung an Partnerbehörden (Art. 6 Abs. 1 Buchst. a, Art. 7 DSGVO, § 67b SGB X)",
            Regeln.AufbewahrungFallakte, "mit dem Fall gelöscht",
            S("id", Datenart.Kennung, Loeschung.Loeschen, "Kennung der Einwilligung"),
            S("fall_id", Datenart.Kennung, Loeschung.Loeschen, "Fall"),
            S("mandant", Datenart.Technisch, Loeschung.Loeschen, "Kommune (Mandant)"),
            S("empfaenger", Datenart.Einwilligung, Loeschung.Loeschen, "empfangende Behörde"),
            S("datenkategorien", Datenart.Einwilligung, Loeschung.Loeschen, "freigegebene Datenkategorien"),
            S("zweck", Datenart.Einwilligung, Loeschung.Loeschen, "Zweck"),
            S("gueltig_ab", Datenart.Einwilligung, Loeschung.Loeschen, "gültig ab"),
            S("gueltig_bis", Datenart.Einwilligung, Loeschung.Loeschen, "gültig bis"),
            S("formular_referenz", Datenart.Einwilligung, Loeschung.Loeschen, "Verweis auf das unterschriebene Formular"),
            S("erfasst_am", Datenart.Einwilligung, Loeschung.Loeschen, "Zeitpunkt der Erfassung"),
            S("erfasst_von", Datenart.Beschaeftigte, Loeschung.Loeschen, "erfasst von"),
            S("widerrufen_am", Datenart.Einwilligung, Loeschung.Loeschen, "Zeitpunkt des Widerrufs"),
            S("widerrufen_von", Datenart.Beschaeftigte, Loeschung.Loeschen, "Widerruf erfasst von")),

        T("ziele", "Ziele", Betroffene.Klienten, Fallbezug.Kind,
            "Zielvereinbarungen der Fallarbeit", Regeln.AufbewahrungFallakte, "mit dem Fall gelöscht",
            S("id", Datenart.Kennung, Loeschung.Loeschen, "Kennung des Ziels"),
            S("fall_id", Datenart.Kennung, Loeschung.Loeschen, "Fall"),
            S("mandant", Datenart.Technisch, Loeschung.Loeschen, "Kommune (Mandant)"),
            S("was", Datenart.Freitext, Loeschung.Loeschen, "Ziel (Freitext)"),
            S("bis_wann", Datenart.Fallverlauf, Loeschung.Loeschen, "bis wann"),
            S("wer", Datenart.Freitext, Loeschung.Loeschen, "wer (Freitext)"),
            S("messgroesse", Datenart.Freitext, Loeschung.Loeschen, "Messgröße (Freitext)"),
            S("vereinbart_am", Datenart.Fallverlauf, Loeschung.Loeschen, "vereinbart am"),
            S("bewertung", Datenart.Fallverlauf, Loeschung.Loeschen, "Bewertung"),
            S("bewertet_am", Datenart.Fallverlauf, Loeschung.Loeschen, "bewertet am")),

        T("wiedervorlagen", "Wiedervorlagen", Betroffene.KlientenUndBeschaeftigte, Fallbezug.Kind,
            "Fristen und Termine der Fallarbeit", Regeln.AufbewahrungFallakte, "mit dem Fall gelöscht",
            S("id", Datenart.Kennung, Loeschung.Loeschen, "Kennung der Wiedervorlage"),
            S("fall_id", Datenart.Kennung, Loeschung.Loeschen, "Fall"),
            S("mandant", Datenart.Technisch, Loeschung.Loeschen, "Kommune (Mandant)"),
            S("faellig", Datenart.Fallverlauf, Loeschung.Loeschen, "fällig am"),
            S("betreff", Datenart.Freitext, Loeschung.Loeschen, "Betreff (Freitext)"),
            S("art", Datenart.Fallverlauf, Loeschung.Loeschen, "Art der Wiedervorlage"),
            S("schluessel", Datenart.Technisch, Loeschung.Loeschen, "fachlicher Schlüssel (z. B. Titelablauf mit Datum)"),
            S("zustaendig_id", Datenart.Beschaeftigte, Loeschung.Loeschen, "zuständig"),
            S("erstellt_am", Datenart.Fallverlauf, Loeschung.Loeschen, "angelegt am"),
            S("erledigt_am", Datenart.Fallverlauf, Loeschung.Loeschen, "erledigt am"),
            S("erledigt_von", Datenart.Beschaeftigte, Loeschung.Loeschen, "erledigt von")),

        T("vertretungen", "Vertretungen", Betroffene.KlientenUndBeschaeftigte, Fallbezug.Kind,
            "Zugriff einer Vertretung auf den Fall für einen Zeitraum", Regeln.AufbewahrungFallakte, "mit dem Fall gelöscht",
            S("id", Datenart.Kennung, Loeschung.Loeschen, "Kennung der Vertretung"),
            S("fall_id", Datenart.Kennung, Loeschung.Loeschen, "Fall"),
            S("mandant", Datenart.Technisch, Loeschung.Loeschen, "Kommune (Mandant)"),
            S("benutzer_id", Datenart.Beschaeftigte, Loeschung.Loeschen, "vertretende Person"),
            S("von", Datenart.Fallverlauf, Loeschung.Loeschen, "von"),
            S("bis", Datenart.Fallverlauf, Loeschung.Loeschen, "bis")),

        T("ueberleitungen", "Überleitungen", Betroffene.KlientenUndBeschaeftigte, Fallbezug.KindAnonymisiert,
            "Verweisungen an Fachdienste (Empfänger, Anliegen, Stand)", Regeln.AufbewahrungFallakte,
            "bleibt am anonymisierten Fall unter neuer Kennung ohne Anliegen und Bearbeiter*in (Verlaufsanalysen je Empfänger)",
            S("id", Datenart.Kennung, Loeschung.NeueKennung, "Kennung der Überleitung", "@neue_id"),
            S("fall_id", Datenart.Kennung, Loeschung.NeueKennung, "Fall (anonymisiert: der neue Fall)", "@neu"),
            S("mandant", Datenart.Technisch, Loeschung.Behalten, "Kommune (Mandant)", "f.mandant"),
            S("empfaenger", Datenart.Fallverlauf, Loeschung.Behalten, "empfangender Fachdienst", "f.empfaenger"),
            S("anliegen", Datenart.Freitext, Loeschung.Leeren, "Anliegen (Freitext)", Leer),
            S("zustand", Datenart.Fallverlauf, Loeschung.Behalten, "Stand", "f.zustand"),
            S("seit", Datenart.Fallverlauf, Loeschung.Behalten, "Stand seit", "f.seit"),
            S("erstellt_am", Datenart.Fallverlauf, Loeschung.Vergroebern, "angelegt am; anonymisiert: der Tag des Stands", "f.seit::timestamp AT TIME ZONE 'UTC'"),
            S("erstellt_von", Datenart.Beschaeftigte, Loeschung.Leeren, "angelegt von", Leer)),

        T("notizen", "Notizen", Betroffene.KlientenUndBeschaeftigte, Fallbezug.Kind,
            "Gesprächs- und Aktennotizen", Regeln.AufbewahrungFallakte, "mit dem Fall gelöscht",
            S("id", Datenart.Kennung, Loeschung.Loeschen, "Kennung der Notiz"),
            S("fall_id", Datenart.Kennung, Loeschung.Loeschen, "Fall"),
            S("mandant", Datenart.Technisch, Loeschung.Loeschen, "Kommune (Mandant)"),
            S("text", Datenart.Freitext, Loeschung.Loeschen, "Notiz (Freitext)"),
            S("verfasst_von", Datenart.Beschaeftigte, Loeschung.Loeschen, "verfasst von"),
            S("verfasst_am", Datenart.Fallverlauf, Loeschung.Loeschen, "verfasst am")),

        T("kompetenzprofil_uebergaben", "Übergaben des Kompetenzprofils", Betroffene.Klienten, Fallbezug.Kind,
            "Nachweis, welches Kompetenzprofil wann an wen übermittelt wurde", Regeln.AufbewahrungFallakte, "mit dem Fall gelöscht",
            S("id", Datenart.Kennung, Loeschung.Loeschen, "Kennung der Übergabe"),
            S("fall_id", Datenart.Kennung, Loeschung.Loeschen, "Fall"),
            S("mandant", Datenart.Technisch, Loeschung.Loeschen, "Kommune (Mandant)"),
            S("empfaenger", Datenart.Einwilligung, Loeschung.Loeschen, "Empfänger"),
            S("anlass", Datenart.Fallverlauf, Loeschung.Loeschen, "Anlass"),
            S("fachliches_datum", Datenart.Fallverlauf, Loeschung.Loeschen, "Tag der Übergabe"),
            S("profil", Datenart.Kompetenzprofil, Loeschung.Loeschen, "übermitteltes Kompetenzprofil"),
            S("erstellt_am", Datenart.Fallverlauf, Loeschung.Loeschen, "Zeitpunkt")),

        T("fall_ereignisse", "Ereignisse des Fallverlaufs", Betroffene.KlientenUndBeschaeftigte, Fallbezug.KindAnonymisiert,
            "unveränderliches Protokoll jedes Schritts der Spuren (Grundlage der Fallakte und der Analysen der Lenkungsgruppe)",
            Regeln.AufbewahrungFallakte,
            "bleibt am anonymisierten Fall ohne Notiz und ohne Parameter außer Abschluss- und Abbruchgrund (Datenbankfunktion fall_ereignisse_anonymisieren)",
            S("id", Datenart.Technisch, Loeschung.Behalten, "laufende Nummer in der Datenbank"),
            S("fall_id", Datenart.Kennung, Loeschung.NeueKennung, "Fall (anonymisiert: der neue Fall)"),
            S("mandant", Datenart.Technisch, Loeschung.Behalten, "Kommune (Mandant)"),
            S("nr", Datenart.Fallverlauf, Loeschung.Behalten, "Nummer im Fall"),
            S("spur", Datenart.Fallverlauf, Loeschung.Behalten, "Spur"),
            S("ueberleitung_id", Datenart.Kennung, Loeschung.NeueKennung, "Überleitung (anonymisiert: ihre neue Kennung)"),
            S("trigger", Datenart.Fallverlauf, Loeschung.Behalten, "Schritt"),
            S("von_zustand", Datenart.Fallverlauf, Loeschung.Behalten, "Zustand vorher"),
            S("nach_zustand", Datenart.Fallverlauf, Loeschung.Behalten, "Zustand nachher"),
            S("fachliches_datum", Datenart.Fallverlauf, Loeschung.Behalten, "fachliches Datum (Dauern der Analysen)"),
            S("erfasst_am", Datenart.Fallverlauf, Loeschung.Vergroebern, "Zeitpunkt der Erfassung; anonymisiert: das fachliche Datum"),
            S("akteur", Datenart.Beschaeftigte, Loeschung.Behalten,
                "handelnde Person (Kennung der Beschäftigten; bleibt, weil die Analysen die beteiligten Fallmanager*innen je Quartal zählen)"),
            S("notiz", Datenart.Freitext, Loeschung.Leeren, "Notiz zum Schritt (Freitext)"),
            S("parameter", Datenart.Fallverlauf, Loeschung.Vergroebern,
                "Angaben zum Schritt (Titel, Maßnahmen, Sprachstand, Gründe …); anonymisiert: nur Abschluss- und Abbruchgrund"),
            S("ausgeloest_durch", Datenart.Fallverlauf, Loeschung.Behalten, "auslösendes Ereignis (Nummer im Fall)")),

        T("themen", "Themen für die Lenkungsgruppe", Betroffene.Beschaeftigte, Fallbezug.KindAnonymisiert,
            "generative Themen aus der Fallarbeit für die Lenkungsgruppe (bei der Erfassung um den Namen der Klient*in bereinigt)",
            null, "bleibt; der Verweis zeigt auf den anonymisierten Fall",
            S("id", Datenart.Kennung, Loeschung.Behalten, "Kennung des Themas"),
            S("mandant", Datenart.Technisch, Loeschung.Behalten, "Kommune (Mandant)"),
            S("fall_id", Datenart.Kennung, Loeschung.NeueKennung, "Fall, aus dem das Thema kam (anonymisiert: der neue Fall)"),
            S("kategorie", Datenart.Fallverlauf, Loeschung.Behalten, "Kategorie"),
            S("beschreibung", Datenart.Freitext, Loeschung.Behalten, "Beschreibung (Freitext, bei Erfassung um den Namen der Klient*in bereinigt)"),
            S("status", Datenart.Fallverlauf, Loeschung.Behalten, "Status"),
            S("erstellt_am", Datenart.Fallverlauf, Loeschung.Behalten, "erfasst am"),
            S("erstellt_von", Datenart.Beschaeftigte, Loeschung.Behalten, "erfasst von"),
            S("geaendert_am", Datenart.Fallverlauf, Loeschung.Behalten, "geändert am"),
            S("geaendert_von", Datenart.Beschaeftigte, Loeschung.Behalten, "geändert von"),
            S("version", Datenart.Technisch, Loeschung.Behalten, "Änderungszähler")),

        T("fall_sperren", "Sperrungen", Betroffene.KlientenUndBeschaeftigte, Fallbezug.Kind,
            "Sperrung eines Falls (Art. 18 DSGVO, § 84 Abs. 3 SGB X): keine Löschung, nur lesbar, nicht in Listen",
            Regeln.AufbewahrungFallakte, "mit dem Fall gelöscht (ein gesperrter Fall wird nicht gelöscht)",
            S("id", Datenart.Kennung, Loeschung.Loeschen, "Kennung der Sperrung"),
            S("fall_id", Datenart.Kennung, Loeschung.Loeschen, "Fall"),
            S("mandant", Datenart.Technisch, Loeschung.Loeschen, "Kommune (Mandant)"),
            S("grund", Datenart.Freitext, Loeschung.Loeschen, "Grund der Sperrung (Freitext)"),
            S("bis", Datenart.Fallverlauf, Loeschung.Loeschen, "gesperrt bis"),
            S("gesetzt_am", Datenart.Fallverlauf, Loeschung.Loeschen, "gesperrt am"),
            S("gesetzt_von", Datenart.Beschaeftigte, Loeschung.Loeschen, "gesperrt von"),
            S("aufgehoben_am", Datenart.Fallverlauf, Loeschung.Loeschen, "aufgehoben am"),
            S("aufgehoben_von", Datenart.Beschaeftigte, Loeschung.Loeschen, "aufgehoben von"),
            S("aufhebungsgrund", Datenart.Freitext, Loeschung.Loeschen, "Grund der Aufhebung (Freitext)")),

        T("benachrichtigungen", "Benachrichtigungen (Posteingang)", Betroffene.KlientenUndBeschaeftigte, Fallbezug.Verweis,
            "Hinweise an Beschäftigte auf Ereignisse in ihren Fällen", Regeln.AufbewahrungBenachrichtigungen,
            "nach eigener Frist gelöscht, spätestens mit dem Fall",
            S("id", Datenart.Technisch, Loeschung.Loeschen, "laufende Nummer"),
            S("xid", Datenart.Technisch, Loeschung.Loeschen, "Transaktionsnummer (Zustellung)"),
            S("empfaenger_id", Datenart.Beschaeftigte, Loeschung.Loeschen, "Empfänger*in"),
            S("mandant", Datenart.Technisch, Loeschung.Loeschen, "Kommune (Mandant)"),
            S("seq", Datenart.Technisch, Loeschung.Loeschen, "Nummer im Posteingang"),
            S("fall_id", Datenart.Kennung, Loeschung.Loeschen, "Fall"),
            S("art", Datenart.Fallverlauf, Loeschung.Loeschen, "Art"),
            S("titel", Datenart.Kennung, Loeschung.Loeschen, "Titel mit Aktenzeichen"),
            S("text", Datenart.Fallverlauf, Loeschung.Loeschen, "Text"),
            S("link", Datenart.Kennung, Loeschung.Loeschen, "Verweis auf den Fall"),
            S("erstellt_am", Datenart.Fallverlauf, Loeschung.Loeschen, "erstellt am"),
            S("gelesen_am", Datenart.Beschaeftigte, Loeschung.Loeschen, "gelesen am")),

        T("idempotenz", "Wiederholungsschutz von Schreibvorgängen", Betroffene.KlientenUndBeschaeftigte, Fallbezug.Verweis,
            "gleiche Antwort auf eine wiederholte Anfrage (technische Sicherung)", Regeln.AufbewahrungIdempotenz,
            "nach eigener Frist gelöscht, spätestens mit dem Fall",
            S("benutzer_id", Datenart.Beschaeftigte, Loeschung.Loeschen, "anfragende Person"),
            S("mandant", Datenart.Technisch, Loeschung.Loeschen, "Kommune (Mandant)"),
            S("schluessel", Datenart.Technisch, Loeschung.Loeschen, "Schlüssel der Anfrage"),
            S("anfrage_hash", Datenart.Technisch, Loeschung.Loeschen, "Hashwert der Anfrage"),
            S("fall_id", Datenart.Kennung, Loeschung.Loeschen, "Fall"),
            S("erstellt_am", Datenart.Technisch, Loeschung.Loeschen, "Zeitpunkt"),
            S("status", Datenart.Technisch, Loeschung.Loeschen, "HTTP-Status der Antwort"),
            S("inhaltstyp", Datenart.Technisch, Loeschung.Loeschen, "Inhaltstyp der Antwort"),
            S("antwort", Datenart.Fallverlauf, Loeschung.Loeschen, "gespeicherte Antwort (kann Falldaten enthalten)")),

        T("termin_meldungen", "gesendete Terminmeldungen", Betroffene.Keine, Fallbezug.Verweis,
            "dass eine Frist-Benachrichtigung schon gesendet wurde (Kennungen, keine Inhalte)", Regeln.AufbewahrungFallakte,
            "mit dem Fall gelöscht (Schlüssel der Wiedervorlagen des Falls)",
            S("schluessel", Datenart.Kennung, Loeschung.Loeschen, "Wiedervorlage und Empfänger (Kennungen)"),
            S("erstellt_am", Datenart.Technisch, Loeschung.Loeschen, "gesendet am")),

        T("audit_protokoll", "Zugriffsprotokoll", Betroffene.KlientenUndBeschaeftigte, Fallbezug.Keiner,
            "Nachweis, wer wann welche Daten gelesen oder geändert hat (Art. 5 Abs. 2, Art. 32 DSGVO, § 78a SGB X)",
            Regeln.AufbewahrungAuditprotokoll, "nach eigener Frist in ganzen Abschnitten der Hash-Kette entfernt (ADR 0006)",
            S("id", Datenart.Protokoll, Loeschung.EigeneFrist, "laufende Nummer"),
            S("xid", Datenart.Technisch, Loeschung.EigeneFrist, "Transaktionsnummer"),
            S("zeitpunkt", Datenart.Protokoll, Loeschung.EigeneFrist, "Zeitpunkt des Zugriffs"),
            S("benutzer_id", Datenart.Beschaeftigte, Loeschung.EigeneFrist, "zugreifende Person"),
            S("mandant", Datenart.Technisch, Loeschung.EigeneFrist, "Kommune (Mandant) der zugreifenden Person; leer ohne Anmeldung"),
            S("rollen", Datenart.Beschaeftigte, Loeschung.EigeneFrist, "Rollen der Person"),
            S("aktion", Datenart.Protokoll, Loeschung.EigeneFrist, "Aktion"),
            S("detail", Datenart.Protokoll, Loeschung.EigeneFrist, "Einzelheiten (bei einer Berichtigung die bisherigen Werte, verschlüsselt mit dem Schlüssel der Klient*in)"),
            S("fall_id", Datenart.Kennung, Loeschung.EigeneFrist, "Fall (nach der Anonymisierung mit keinem Fall mehr verknüpfbar)"),
            S("klient_id", Datenart.Kennung, Loeschung.EigeneFrist, "Klient*in (nach der Löschung mit keiner Person mehr verknüpfbar)"),
            S("ergebnis", Datenart.Protokoll, Loeschung.EigeneFrist, "Ergebnis (HTTP-Status)"),
            S("herkunft", Datenart.Beschaeftigte, Loeschung.EigeneFrist, "Herkunft der Anfrage (IP-Adresse)"),
            S("trace_id", Datenart.Technisch, Loeschung.EigeneFrist, "Ablaufkennung")),

        T("audit_siegel", "Siegel des Zugriffsprotokolls", Betroffene.Keine, Fallbezug.Keiner,
            "Hash-Kette über das Zugriffsprotokoll (Unverfälschbarkeit)", Regeln.AufbewahrungAuditprotokoll,
            "mit den Protokollzeilen ihres Abschnitts entfernt",
            S("nr", Datenart.Protokoll, Loeschung.EigeneFrist, "Glied der Kette"),
            S("audit_id", Datenart.Protokoll, Loeschung.EigeneFrist, "Protokollzeile"),
            S("zeilen_hash", Datenart.Technisch, Loeschung.EigeneFrist, "Hashwert der Zeile"),
            S("vorgaenger_hash", Datenart.Technisch, Loeschung.EigeneFrist, "Hashwert des Vorgängers"),
            S("hash", Datenart.Technisch, Loeschung.EigeneFrist, "Hashwert des Glieds"),
            S("gesiegelt_am", Datenart.Protokoll, Loeschung.EigeneFrist, "gesiegelt am"),
            S("bis_xid", Datenart.Technisch, Loeschung.EigeneFrist, "Transaktionshorizont")),

        T("audit_pruefpunkte", "Prüfpunkte der Protokollkette", Betroffene.Keine, Fallbezug.Keiner,
            "Beleg entfernter Abschnitte des Zugriffsprotokolls (ADR 0006)", null, "dauerhaft (keine Personendaten)",
            S("abschnitt", Datenart.Technisch, Loeschung.Dauerhaft, "Abschnitt"),
            S("bis_nr", Datenart.Technisch, Loeschung.Dauerhaft, "letztes Glied"),
            S("hash", Datenart.Technisch, Loeschung.Dauerhaft, "Hashwert des letzten Glieds"),
            S("anzahl", Datenart.Technisch, Loeschung.Dauerhaft, "Anzahl der Glieder"),
            S("bis_xid", Datenart.Technisch, Loeschung.Dauerhaft, "Transaktionshorizont"),
            S("erster_zeitpunkt", Datenart.Technisch, Loeschung.Dauerhaft, "erster Zeitpunkt im Abschnitt"),
            S("letzter_zeitpunkt", Datenart.Technisch, Loeschung.Dauerhaft, "letzter Zeitpunkt im Abschnitt"),
            S("erstellt_am", Datenart.Technisch, Loeschung.Dauerhaft, "gesetzt am"),
            S("entfernt_am", Datenart.Technisch, Loeschung.Dauerhaft, "Abschnitt entfernt am")),

        T("audit_aufbewahrung", "Untergrenze der Protokollfrist", Betroffene.Keine, Fallbezug.Keiner,
            "Mindestfrist des Zugriffsprotokolls in der Datenbank", null, "dauerhaft (Konfiguration)",
            S("id", Datenart.Technisch, Loeschung.Dauerhaft, "einzige Zeile"),
            S("mindestens", Datenart.Technisch, Loeschung.Dauerhaft, "Mindestfrist")),

        T("loeschlaeufe", "Löschprotokoll", Betroffene.Keine, Fallbezug.Keiner,
            "Nachweis der Löschläufe mit Daten und Anzahlen, ohne Kennungen oder Werte gelöschter Fälle", null, "dauerhaft (keine Personendaten)",
            S("id", Datenart.Technisch, Loeschung.Dauerhaft, "Kennung des Laufs"),
            S("mandant", Datenart.Technisch, Loeschung.Dauerhaft, "Kommune (Mandant)"),
            S("anlass", Datenart.Technisch, Loeschung.Dauerhaft, "Anlass: Frist abgelaufen oder Löschung auf Antrag (Art. 17 DSGVO)"),
            S("probelauf", Datenart.Technisch, Loeschung.Dauerhaft, "Probelauf (nichts gelöscht)"),
            S("stichtag", Datenart.Technisch, Loeschung.Dauerhaft, "Stichtag der Fristen"),
            S("gestartet_am", Datenart.Technisch, Loeschung.Dauerhaft, "gestartet am"),
            S("beendet_am", Datenart.Technisch, Loeschung.Dauerhaft, "beendet am"),
            S("faellig", Datenart.Aggregat, Loeschung.Dauerhaft, "fällige Fälle"),
            S("gesperrt", Datenart.Aggregat, Loeschung.Dauerhaft, "wegen Sperrung übersprungene Fälle"),
            S("anonymisiert", Datenart.Aggregat, Loeschung.Dauerhaft, "anonymisierte Fälle"),
            S("klienten_geloescht", Datenart.Aggregat, Loeschung.Dauerhaft, "gelöschte Klient*innen"),
            S("zeilen_geloescht", Datenart.Aggregat, Loeschung.Dauerhaft, "gelöschte Zeilen je Tabelle")),

        T("analysen_staende", "gespeicherter Analysebericht", Betroffene.Keine, Fallbezug.Keiner,
            "Bericht der Lenkungsgruppe (nur Aggregate mit Mindestgruppengröße)", null, "bei jeder Neuberechnung ersetzt",
            S("mandant", Datenart.Technisch, Loeschung.Dauerhaft, "Kommune (Mandant)"),
            S("erstellt_am", Datenart.Technisch, Loeschung.Dauerhaft, "berechnet am"),
            S("stichtag", Datenart.Technisch, Loeschung.Dauerhaft, "Stichtag"),
            S("datenstand", Datenart.Technisch, Loeschung.Dauerhaft, "Datenstand (Fingerabdruck)"),
            S("bericht", Datenart.Aggregat, Loeschung.Dauerhaft, "Bericht")),

        T("lenkungsgruppe_entscheidungen", "Entscheidungen der Lenkungsgruppe", Betroffene.Keine, Fallbezug.Keiner,
            "Entscheidungen der Lenkungsgruppe und ihr Vorher-nachher-Vergleich (nur Aggregate mit Mindestgruppengröße)", null, "dauerhaft (Beschlusslage der Kommune)",
            S("id", Datenart.Technisch, Loeschung.Dauerhaft, "Kennung"),
            S("mandant", Datenart.Technisch, Loeschung.Dauerhaft, "Kommune (Mandant)"),
            S("titel", Datenart.Technisch, Loeschung.Dauerhaft, "Inhalt der Entscheidung (ohne Personenbezug)"),
            S("behoerde", Datenart.Technisch, Loeschung.Dauerhaft, "betroffene Behörde"),
            S("gilt_ab", Datenart.Technisch, Loeschung.Dauerhaft, "gilt ab"),
            S("themen", Datenart.Technisch, Loeschung.Dauerhaft, "Kategorien generativer Themen"),
            S("erfasst_am", Datenart.Technisch, Loeschung.Dauerhaft, "erfasst am")),

        T("mandanten", "Mandanten", Betroffene.Keine, Fallbezug.Keiner,
            "Kommunen der Installation und ihr Status (ADR 0014)", null, "dauerhaft; Mandanten werden deaktiviert, nicht gelöscht",
            S("schluessel", Datenart.Technisch, Loeschung.Dauerhaft, "Schlüssel der Kommune"),
            S("name", Datenart.Technisch, Loeschung.Dauerhaft, "Name der Kommune"),
            S("status", Datenart.Technisch, Loeschung.Dauerhaft, "aktiv oder deaktiviert"),
            S("erstellt_am", Datenart.Technisch, Loeschung.Dauerhaft, "angelegt am"),
            S("geaendert_am", Datenart.Technisch, Loeschung.Dauerhaft, "zuletzt geändert am")),

        T("mandant_einstellungen", "Einstellungen je Kommune", Betroffene.Beschaeftigte, Fallbezug.Keiner,
            "Eigene Werte einer Kommune für Mindestgruppengröße, Vollzeitstellen und Idealverlauf der Auswertungen und den Vorlauf der Fristenerinnerungen (migration 0022)", null,
            "dauerhaft; bei jeder Änderung ersetzt (alte und neue Werte im Protokoll)",
            S("mandant", Datenart.Technisch, Loeschung.Dauerhaft, "Kommune (Mandant)"),
            S("mindestgroesse", Datenart.Technisch, Loeschung.Dauerhaft, "Mindestgruppengröße der Auswertungen"),
            S("vollzeitstellen", Datenart.Technisch, Loeschung.Dauerhaft, "Vollzeitstellen im Fallmanagement"),
            S("idealverlauf", Datenart.Technisch, Loeschung.Dauerhaft, "idealer Fallverlauf je Spur"),
            S("titel_vorlauf_wochen", Datenart.Technisch, Loeschung.Dauerhaft, "Vorlauf Ablauf Aufenthaltstitel"),
            S("einwilligung_vorlauf_tage", Datenart.Technisch, Loeschung.Dauerhaft, "Vorlauf Ablauf Einwilligung"),
            S("kooperationsplan_vorlauf_tage", Datenart.Technisch, Loeschung.Dauerhaft, "Vorlauf Überprüfung Kooperationsplan"),
            S("chancenaufenthaltsrecht_vorlauf_wochen", Datenart.Technisch, Loeschung.Dauerhaft, "Vorlauf Ende Chancen-Aufenthaltsrecht"),
            S("geaendert_am", Datenart.Technisch, Loeschung.Dauerhaft, "zuletzt geändert am"),
            S("geaendert_von", Datenart.Beschaeftigte, Loeschung.EigeneFrist, "Konto der letzten Änderung (Kennung); bei der nächsten Änderung ersetzt")),

        T("teams", "Teams", Betroffene.Keine, Fallbezug.Keiner,
            "Organisationseinheiten der Fallarbeit", null, "bis zur Auflösung des Teams (Verwaltung)",
            S("id", Datenart.Technisch, Loeschung.Dauerhaft, "Kennung"),
            S("name", Datenart.Technisch, Loeschung.Dauerhaft, "Name des Teams"),
            S("mandant", Datenart.Technisch, Loeschung.Dauerhaft, "Kommune (Mandant)")),

        T("benutzer", "Benutzerkonten", Betroffene.Beschaeftigte, Fallbezug.Keiner,
            "Anmeldung und Berechtigung der Beschäftigten", null, "bis zur Löschung des Kontos durch die Administration (deaktivierte Konten bleiben für das Protokoll)",
            S("id", Datenart.Beschaeftigte, Loeschung.EigeneFrist, "Kennung"),
            S("anzeigename", Datenart.Beschaeftigte, Loeschung.EigeneFrist, "Name"),
            S("mandant", Datenart.Technisch, Loeschung.EigeneFrist, "Kommune (Mandant)"),
            S("team_id", Datenart.Beschaeftigte, Loeschung.EigeneFrist, "Team"),
            S("behoerde", Datenart.Beschaeftigte, Loeschung.EigeneFrist, "Behörde"),
            S("deaktiviert", Datenart.Beschaeftigte, Loeschung.EigeneFrist, "deaktiviert"),
            S("erstellt_am", Datenart.Beschaeftigte, Loeschung.EigeneFrist, "angelegt am"),
            S("user_name", Datenart.Beschaeftigte, Loeschung.EigeneFrist, "Benutzername"),
            S("normalized_user_name", Datenart.Beschaeftigte, Loeschung.EigeneFrist, "Benutzername (normalisiert)"),
            S("email", Datenart.Beschaeftigte, Loeschung.EigeneFrist, "E-Mail-Adresse"),
            S("normalized_email", Datenart.Beschaeftigte, Loeschung.EigeneFrist, "E-Mail-Adresse (normalisiert)"),
            S("email_confirmed", Datenart.Zugangsdaten, Loeschung.EigeneFrist, "E-Mail bestätigt"),
            S("password_hash", Datenart.Zugangsdaten, Loeschung.EigeneFrist, "Passwort-Hash"),
            S("security_stamp", Datenart.Zugangsdaten, Loeschung.EigeneFrist, "Sicherheitsstempel"),
            S("concurrency_stamp", Datenart.Technisch, Loeschung.EigeneFrist, "Änderungsstempel"),
            S("phone_number", Datenart.Beschaeftigte, Loeschung.EigeneFrist, "Telefonnummer"),
            S("phone_number_confirmed", Datenart.Zugangsdaten, Loeschung.EigeneFrist, "Telefonnummer bestätigt"),
            S("two_factor_enabled", Datenart.Zugangsdaten, Loeschung.EigeneFrist, "zweiter Faktor eingerichtet"),
            S("lockout_end", Datenart.Zugangsdaten, Loeschung.EigeneFrist, "gesperrt bis"),
            S("lockout_enabled", Datenart.Zugangsdaten, Loeschung.EigeneFrist, "Sperre möglich"),
            S("access_failed_count", Datenart.Zugangsdaten, Loeschung.EigeneFrist, "Fehlversuche")),

        T("rollen", "Rollen", Betroffene.Keine, Fallbezug.Keiner, "Rollen der Berechtigung", null, "dauerhaft (Konfiguration)",
            S("id", Datenart.Technisch, Loeschung.Dauerhaft, "Kennung"),
            S("name", Datenart.Technisch, Loeschung.Dauerhaft, "Name"),
            S("normalized_name", Datenart.Technisch, Loeschung.Dauerhaft, "Name (normalisiert)"),
            S("concurrency_stamp", Datenart.Technisch, Loeschung.Dauerhaft, "Änderungsstempel")),

        T("benutzer_rollen", "Rollen der Benutzerkonten", Betroffene.Beschaeftigte, Fallbezug.Keiner,
            "Berechtigung der Beschäftigten", null, "mit dem Benutzerkonto",
            S("user_id", Datenart.Beschaeftigte, Loeschung.EigeneFrist, "Benutzerkonto"),
            S("role_id", Datenart.Beschaeftigte, Loeschung.EigeneFrist, "Rolle")),

        T("benutzer_claims", "Merkmale der Benutzerkonten", Betroffene.Beschaeftigte, Fallbezug.Keiner,
            "zusätzliche Merkmale der Anmeldung", null, "mit dem Benutzerkonto",
            S("id", Datenart.Technisch, Loeschung.EigeneFrist, "Kennung"),
            S("user_id", Datenart.Beschaeftigte, Loeschung.EigeneFrist, "Benutzerkonto"),
            S("claim_type", Datenart.Beschaeftigte, Loeschung.EigeneFrist, "Merkmal"),
            S("claim_value", Datenart.Beschaeftigte, Loeschung.EigeneFrist, "Wert")),

        T("rollen_claims", "Merkmale der Rollen", Betroffene.Keine, Fallbezug.Keiner, "Berechtigungen einer Rolle", null, "dauerhaft (Konfiguration)",
            S("id", Datenart.Technisch, Loeschung.Dauerhaft, "Kennung"),
            S("role_id", Datenart.Technisch, Loeschung.Dauerhaft, "Rolle"),
            S("claim_type", Datenart.Technisch, Loeschung.Dauerhaft, "Merkmal"),
            S("claim_value", Datenart.Technisch, Loeschung.Dauerhaft, "Wert")),

        T("benutzer_logins", "externe Anmeldungen", Betroffene.Beschaeftigte, Fallbezug.Keiner,
            "Verknüpfung mit einem externen Anmeldedienst", null, "mit dem Benutzerkonto",
            S("login_provider", Datenart.Zugangsdaten, Loeschung.EigeneFrist, "Anmeldedienst"),
            S("provider_key", Datenart.Zugangsdaten, Loeschung.EigeneFrist, "Kennung beim Anmeldedienst"),
            S("provider_display_name", Datenart.Zugangsdaten, Loeschung.EigeneFrist, "Name des Anmeldedienstes"),
            S("user_id", Datenart.Beschaeftigte, Loeschung.EigeneFrist, "Benutzerkonto")),

        T("benutzer_tokens", "Anmeldeschlüssel", Betroffene.Beschaeftigte, Fallbezug.Keiner,
            "Schlüssel des zweiten Faktors (TOTP)", null, "mit dem Benutzerkonto oder beim Zurücksetzen des zweiten Faktors",
            S("user_id", Datenart.Beschaeftigte, Loeschung.EigeneFrist, "Benutzerkonto"),
            S("login_provider", Datenart.Zugangsdaten, Loeschung.EigeneFrist, "Herkunft"),
            S("name", Datenart.Zugangsdaten, Loeschung.EigeneFrist, "Name des Schlüssels"),
            S("value", Datenart.Zugangsdaten, Loeschung.EigeneFrist, "Schlüssel")),

        T("sitzungen", "Sitzungen", Betroffene.Beschaeftigte, Fallbezug.Keiner,
            "serverseitige Sitzungen (Abmeldung, Deaktivierung und Rollenwechsel wirken sofort)", Regeln.AufbewahrungSitzungen,
            "nach eigener Frist ab Ende oder Ablauf gelöscht",
            S("id", Datenart.Technisch, Loeschung.EigeneFrist, "Kennung"),
            S("benutzer_id", Datenart.Beschaeftigte, Loeschung.EigeneFrist, "Benutzerkonto"),
            S("mandant", Datenart.Technisch, Loeschung.EigeneFrist, "Kommune (Mandant)"),
            S("art", Datenart.Zugangsdaten, Loeschung.EigeneFrist, "Art (Browser oder API)"),
            S("zweiter_faktor", Datenart.Zugangsdaten, Loeschung.EigeneFrist, "mit zweitem Faktor"),
            S("erstellt_am", Datenart.Beschaeftigte, Loeschung.EigeneFrist, "angemeldet am"),
            S("letzte_aktivitaet", Datenart.Beschaeftigte, Loeschung.EigeneFrist, "letzte Aktivität"),
            S("ablauf_absolut", Datenart.Zugangsdaten, Loeschung.EigeneFrist, "spätestes Ende"),
            S("beendet_am", Datenart.Beschaeftigte, Loeschung.EigeneFrist, "beendet am"),
            S("beendet_grund", Datenart.Beschaeftigte, Loeschung.EigeneFrist, "Grund des Endes")),

        T("tokendienst_clients", "Clients des Tokendienstes", Betroffene.Keine, Fallbezug.Keiner,
            "Anwendungen (OpenID Connect) und Partnersysteme der Behörden mit ihren Zugriffsbereichen (ADR 0010)", null, "dauerhaft; Partnersysteme werden gesperrt, nicht gelöscht",
            S("client_id", Datenart.Technisch, Loeschung.Dauerhaft, "Kennung"),
            S("art", Datenart.Technisch, Loeschung.Dauerhaft, "Anwendung oder Partnersystem"),
            S("anzeigename", Datenart.Technisch, Loeschung.Dauerhaft, "Name"),
            S("mandant", Datenart.Technisch, Loeschung.Dauerhaft, "Kommune"),
            S("behoerde", Datenart.Technisch, Loeschung.Dauerhaft, "Partnerbehörde"),
            S("scopes", Datenart.Technisch, Loeschung.Dauerhaft, "Zugriffsbereiche"),
            S("redirect_uris", Datenart.Technisch, Loeschung.Dauerhaft, "Rücksprungadressen"),
            S("abmelde_uris", Datenart.Technisch, Loeschung.Dauerhaft, "Adressen nach der Abmeldung"),
            S("geheimnis_sha256", Datenart.Zugangsdaten, Loeschung.Dauerhaft, "Prüfwert des Geheimnisses"),
            S("vorheriges_sha256", Datenart.Zugangsdaten, Loeschung.Dauerhaft, "Prüfwert des bisherigen Geheimnisses"),
            S("vorheriges_bis", Datenart.Zugangsdaten, Loeschung.Dauerhaft, "bisheriges Geheimnis gültig bis"),
            S("aktiv", Datenart.Technisch, Loeschung.Dauerhaft, "aktiv oder gesperrt"),
            S("erstellt_am", Datenart.Technisch, Loeschung.Dauerhaft, "registriert am"),
            S("erstellt_von", Datenart.Beschaeftigte, Loeschung.Dauerhaft, "registriert von (Benutzerkonto)"),
            S("geaendert_am", Datenart.Technisch, Loeschung.Dauerhaft, "geändert am"),
            S("geaendert_von", Datenart.Beschaeftigte, Loeschung.Dauerhaft, "geändert von (Benutzerkonto)")),

        T("tokendienst_scopes", "Zugriffsbereiche des Tokendienstes", Betroffene.Keine, Fallbezug.Keiner,
            "Bereiche der API, die ein Zugriffstoken erlaubt (ADR 0010)", null, "dauerhaft (Betrieb)",
            S("name", Datenart.Technisch, Loeschung.Dauerhaft, "Name"),
            S("anzeigename", Datenart.Technisch, Loeschung.Dauerhaft, "Beschreibung"),
            S("nur_personen", Datenart.Technisch, Loeschung.Dauerhaft, "nur für Personen")),

        T("tokendienst_grants", "Berechtigungen des Tokendienstes", Betroffene.Beschaeftigte, Fallbezug.Keiner,
            "Autorisierungscodes und Erneuerungstokens der Anwendungen (ADR 0010)", null, "einen Tag nach Ablauf gelöscht (stündlich); bei Wiederverwendung eines Erneuerungstokens sofort",
            S("key", Datenart.Zugangsdaten, Loeschung.EigeneFrist, "Kennung (Hash des Tokens)"),
            S("type", Datenart.Technisch, Loeschung.EigeneFrist, "Art"),
            S("subject_id", Datenart.Beschaeftigte, Loeschung.EigeneFrist, "Benutzerkonto"),
            S("mandant", Datenart.Technisch, Loeschung.EigeneFrist, "Kommune (Mandant)"),
            S("session_id", Datenart.Zugangsdaten, Loeschung.EigeneFrist, "Sitzung des Tokendienstes"),
            S("client_id", Datenart.Technisch, Loeschung.EigeneFrist, "Anwendung"),
            S("description", Datenart.Technisch, Loeschung.EigeneFrist, "Beschreibung"),
            S("creation_time", Datenart.Beschaeftigte, Loeschung.EigeneFrist, "ausgestellt am"),
            S("expiration", Datenart.Zugangsdaten, Loeschung.EigeneFrist, "gültig bis"),
            S("consumed_time", Datenart.Zugangsdaten, Loeschung.EigeneFrist, "verwendet am"),
            S("data", Datenart.Zugangsdaten, Loeschung.EigeneFrist, "Inhalt (verschlüsselt: Anmeldedaten der Person)")),

        T("data_protection_keys", "Schlüssel des Cookie-Schutzes", Betroffene.Keine, Fallbezug.Keiner,
            "Verschlüsselung von Anmelde-Cookies und Formular-Tokens (ASP.NET Core Data Protection)", null, "nach Ablauf durch die Schlüsselverwaltung",
            S("id", Datenart.Technisch, Loeschung.Dauerhaft, "Kennung"),
            S("friendly_name", Datenart.Technisch, Loeschung.Dauerhaft, "Name"),
            S("xml", Datenart.Technisch, Loeschung.Dauerhaft, "Schlüssel")),

        T("benachrichtigung_zaehler", "Zähler der Posteingänge", Betroffene.Beschaeftigte, Fallbezug.Keiner,
            "fortlaufende Nummer je Posteingang", null, "mit dem Benutzerkonto",
            S("empfaenger_id", Datenart.Beschaeftigte, Loeschung.EigeneFrist, "Benutzerkonto"),
            S("mandant", Datenart.Technisch, Loeschung.EigeneFrist, "Kommune (Mandant)"),
            S("letzte_seq", Datenart.Technisch, Loeschung.EigeneFrist, "letzte Nummer")),

        T("schema_migrations", "Stand des Datenbankschemas", Betroffene.Keine, Fallbezug.Keiner,
            "eingespielte Migrationen", null, "dauerhaft (Betrieb)",
            S("version", Datenart.Technisch, Loeschung.Dauerhaft, "Nummer der Migration"),
            S("name", Datenart.Technisch, Loeschung.Dauerhaft, "Name der Migration"),
            S("checksum", Datenart.Technisch, Loeschung.Dauerhaft, "Prüfsumme"),
            S("applied_at", Datenart.Technisch, Loeschung.Dauerhaft, "eingespielt am")),
    ];

    public static KatalogTabelle Tabelle(string name) =>
        Tabellen.SingleOrDefault(t => t.Name == name) ?? throw new KeyNotFoundException($"{name} steht nicht im Datenkatalog.");

    /// <summary>Tables whose rows belong to a Fall (by <c>fall_id</c>) and hold data about its client.</summary>
    public static IEnumerable<KatalogTabelle> Fallakte =>
        Tabellen.Where(t => t.Fallbezug is Fallbezug.Fall or Fallbezug.Klient or Fallbezug.Kind or Fallbezug.KindAnonymisiert);

    private static KatalogTabelle T(
        string name, string bezeichnung, Betroffene betroffene, Fallbezug bezug, string zweck, RegelSchluessel<Frist>? frist, string regel,
        params KatalogSpalte[] spalten) => new(name, bezeichnung, betroffene, bezug, zweck, frist, regel, spalten);

    private static KatalogSpalte S(string name, Datenart art, Loeschung loeschung, string beschreibung, string? anonym = null, Auskunftsform? darstellung = null) =>
        new(name, art, loeschung, beschreibung, anonym, darstellung);
}
