using System.Text.Json.Nodes;

namespace Kim.Casemanagement.Infrastructure.Datenschutz;

/// <summary>
/// The copy of everything stored about one client (Art. 15 DSGVO, § 83 SGB X), built by <see cref="AuskunftErstellung"/>
/// from the catalogue of personal data: the case file's tables with every catalogue column (<see cref="Daten"/>), the
/// corrections with the old values (<see cref="Berichtigungen"/>), who received which data (<see cref="Empfaenger"/>), who
/// read or changed it when (<see cref="Zugriffe"/>) and the information Art. 15 Abs. 1 DSGVO asks for
/// (<see cref="Informationen"/>). No other person's data: staff appear as role and authority (names only where
/// configured), household links only as "verknüpft".
/// </summary>
public sealed record Auskunft(
    string Titel,
    string Rechtsgrundlage,
    DateTimeOffset ErstelltAm,
    Guid KlientId,
    string Name,
    bool MitNamenDerBeschaeftigten,
    IReadOnlyList<AuskunftFall> Faelle,
    IReadOnlyList<AuskunftTabelle> Daten,
    IReadOnlyList<AuskunftBerichtigung> Berichtigungen,
    IReadOnlyList<AuskunftEmpfang> Empfaenger,
    IReadOnlyList<AuskunftZugriff> Zugriffe,
    AuskunftInformationen Informationen);

/// <summary>One Fall of the client (not anonymised).</summary>
public sealed record AuskunftFall(Guid Id, string Aktenzeichen);

/// <summary>
/// One table of the catalogue with the client's rows. <see cref="Zeilen"/> hold every catalogue column by its name
/// (<see cref="Spalten"/>), with the stored value as JSON (dates <c>JJJJ-MM-TT</c>, instants ISO 8601 in UTC, JSON
/// columns as JSON), staff columns as role and authority, and links to other persons only as whether they are set.
/// </summary>
public sealed record AuskunftTabelle(
    string Tabelle,
    string Bezeichnung,
    string Zweck,
    string Speicherdauer,
    IReadOnlyList<AuskunftSpalte> Spalten,
    IReadOnlyList<JsonObject> Zeilen);

/// <summary>A column: its name in the database, its German description and kind (catalogue), and how its values are written (<c>text</c>, <c>zahl</c>, <c>datum</c>, <c>zeitpunkt</c>, <c>ja/nein</c>, <c>json</c>, <c>kennung</c>).</summary>
public sealed record AuskunftSpalte(string Name, string Bezeichnung, string Datenart, string Typ);

/// <summary>A correction of the master data (Art. 16 DSGVO): the corrected fields and their values before it, from the audit trail.</summary>
/// <param name="Wirksam">False when the correction was refused (e.g. a concurrent change): then the "old" values are still the stored ones.</param>
/// <param name="Protokolltext">The audit row's detail as stored.</param>
public sealed record AuskunftBerichtigung(DateTimeOffset Zeitpunkt, string? Aktenzeichen, bool Wirksam, IReadOnlyList<AuskunftFeld> BisherigeWerte, string? Protokolltext);

/// <summary>A field and its value.</summary>
public sealed record AuskunftFeld(string Feld, string Bezeichnung, string? Wert);

/// <summary>
/// A recipient of the client's data: a consent naming it, a hand-over of the Kompetenzprofil, a referral, or accesses of
/// a partner authority's staff recorded in the audit trail.
/// </summary>
public sealed record AuskunftEmpfang(
    string Empfaenger,
    string Grundlage,
    IReadOnlyList<string> Daten,
    string? Zweck,
    DateOnly? Von,
    DateOnly? Bis,
    DateTimeOffset? WiderrufenAm,
    string Stand,
    string? Aktenzeichen);

/// <summary>One row of the access log: when, what (German), read or changed, which role of which authority (the person only where configured), on which Fall, with which outcome.</summary>
public sealed record AuskunftZugriff(
    long Nr,
    DateTimeOffset Zeitpunkt,
    string Aktion,
    string Vorgang,
    string Art,
    string Rollen,
    string Stelle,
    string? Person,
    string? Aktenzeichen,
    string? Einzelheiten,
    int Ergebnis,
    bool Ausgefuehrt);

/// <summary>What Art. 15 Abs. 1 Buchst. a–h and Abs. 2 DSGVO ask to be told besides the data themselves.</summary>
public sealed record AuskunftInformationen(
    string Verantwortlicher,
    string Datenschutzbeauftragter,
    IReadOnlyList<string> Zwecke,
    IReadOnlyList<string> Datenkategorien,
    IReadOnlyList<string> Empfaengerkategorien,
    IReadOnlyList<string> Speicherdauer,
    IReadOnlyList<string> WeitereKopien,
    string Herkunft,
    string AutomatisierteEntscheidung,
    string Drittland,
    IReadOnlyList<string> Rechte,
    string Aufsichtsbehoerde);

/// <summary>A client found by the data protection officer's search (name or Aktenzeichen).</summary>
public sealed record KlientTreffer(Guid KlientId, string Vorname, string Nachname, DateOnly Geburtsdatum, IReadOnlyList<string> Aktenzeichen);
