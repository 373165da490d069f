using System.Globalization;

namespace Kim.Casemanagement.Domain.Rechtsregeln;

/// <summary>
/// The one dated rule table. Every time-dependent legal figure a guard reads comes from here,
/// looked up at the fachliches Datum of the step. Law changes are new rows with a new
/// <c>GueltigAb</c>; old rows stay, so that past steps are judged by the law of their day.
/// The default rows are <see cref="Standard"/>; a deployment may replace or extend them by configuration.
/// </summary>
public sealed class Rechtsregeltabelle
{
    private readonly Dictionary<string, Rechtsregel[]> _rows;

    public Rechtsregeltabelle(IEnumerable<Rechtsregel> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _rows = rows.GroupBy(r => r.Schluessel, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.GueltigAb).ToArray(), StringComparer.Ordinal);
        Validate();
    }

    /// <summary>The default table shipped with the product (state: 2026-11).</summary>
    public static Rechtsregeltabelle Standard { get; } = new(StandardRows());

    /// <summary>All rows, ordered by key and date.</summary>
    public IEnumerable<Rechtsregel> Rows => _rows.OrderBy(r => r.Key, StringComparer.Ordinal).SelectMany(r => r.Value);

    /// <summary>The value of a rule on a given day.</summary>
    /// <exception cref="InvalidOperationException">No row of the key is valid on that day (a configuration error).</exception>
    public T Wert<T>(RegelSchluessel<T> schluessel, DateOnly am)
    {
        ArgumentNullException.ThrowIfNull(schluessel);
        return schluessel.Parse(Zeile(schluessel.Name, am).Wert);
    }

    /// <summary>The value of a rule on a given day, or false when no row is in force that day (the rule did not exist yet or no longer exists).</summary>
    public bool TryWert<T>(RegelSchluessel<T> schluessel, DateOnly am, out T wert)
    {
        ArgumentNullException.ThrowIfNull(schluessel);
        if (_rows.TryGetValue(schluessel.Name, out var rows))
        {
            foreach (var row in rows)
            {
                if (row.GiltAm(am))
                {
                    wert = schluessel.Parse(row.Wert);
                    return true;
                }
            }
        }

        wert = default!;
        return false;
    }

    /// <summary>The row of a rule on a given day.</summary>
    public Rechtsregel Zeile(string schluessel, DateOnly am)
    {
        if (_rows.TryGetValue(schluessel, out var rows))
        {
            foreach (var row in rows)
            {
                if (row.GiltAm(am))
                {
                    return row;
                }
            }
        }

        throw new InvalidOperationException(
            string.Create(CultureInfo.InvariantCulture, $"Die Regeltabelle enthält für „{schluessel}“ keine am {am:dd.MM.yyyy} gültige Zeile."));
    }

    /// <summary>A copy of this table with <paramref name="overrides"/> replacing every row of the keys they name.</summary>
    public Rechtsregeltabelle MitErsetzten(IEnumerable<Rechtsregel> overrides)
    {
        var list = overrides.ToList();
        var replaced = list.Select(r => r.Schluessel).ToHashSet(StringComparer.Ordinal);
        return new Rechtsregeltabelle(Rows.Where(r => !replaced.Contains(r.Schluessel)).Concat(list));
    }

    private void Validate()
    {
        foreach (var (key, rows) in _rows)
        {
            for (var i = 0; i < rows.Length; i++)
            {
                var row = rows[i];
                if (row.GueltigBis is { } bis && bis < row.GueltigAb)
                {
                    throw new ArgumentException($"Regel {key}: GueltigBis liegt vor GueltigAb.");
                }

                if (i > 0 && (rows[i - 1].GueltigBis is null || rows[i - 1].GueltigBis >= row.GueltigAb))
                {
                    throw new ArgumentException($"Regel {key}: Zeitraeume ueberschneiden sich ({rows[i - 1].GueltigAb:yyyy-MM-dd} und {row.GueltigAb:yyyy-MM-dd}).");
                }
            }
        }
    }

    private static IEnumerable<Rechtsregel> StandardRows()
    {
        static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        static Rechtsregel R(string key, string ab, string? bis, string wert, string quelle) =>
            new(key, D(ab), bis is null ? null : D(bis), wert, quelle);

        // Einbürgerung (§ 10 StAG). The StARModG of 22.03.2024 came into force on 27.06.2024.
        yield return R("Einbuergerung.MindestaufenthaltJahre", "2000-01-01", "2024-06-26", "8", "§ 10 Abs. 1 StAG a. F.");
        yield return R("Einbuergerung.MindestaufenthaltJahre", "2024-06-27", null, "5", "§ 10 Abs. 1 StAG i. d. F. StARModG (in Kraft 27.06.2024)");
        yield return R("Einbuergerung.Sprachniveau", "2007-08-28", null, "B1", "§ 10 Abs. 1 Nr. 6, Abs. 4 StAG");
        yield return R("Einbuergerung.LebensunterhaltAusnahmen", "2000-01-01", "2024-06-26", "NichtZuVertreten", "§ 10 Abs. 1 Nr. 3 StAG a. F. (Leistungsbezug nicht zu vertreten)");
        yield return R("Einbuergerung.LebensunterhaltAusnahmen", "2024-06-27", null, "Vollzeit20Von24Monaten,EhegatteVollzeitMitKind,Anwerbeabkommen", "§ 10 Abs. 1 Nr. 3 Buchst. a-c StAG i. d. F. StARModG");

        // Niederlassungserlaubnis (§ 9 AufenthG, § 26 Abs. 3 AufenthG).
        yield return R("Niederlassungserlaubnis.MindestaufenthaltJahre", "2016-08-06", null, "5", "§ 9 Abs. 2 Nr. 1, § 26 Abs. 3 AufenthG");
        yield return R("Niederlassungserlaubnis.Sprachniveau", "2016-08-06", null, "B1", "§ 9 Abs. 2 Nr. 7 AufenthG");

        // Beschäftigungsduldung (§ 60d AufenthG); figures as in the product's domain brief.
        yield return R("Paragraph60d.VorduldungMonate", "2020-01-01", null, "12", "§ 60d Abs. 1 Nr. 2 AufenthG (Stand Fachkonzept)");
        yield return R("Paragraph60d.BeschaeftigungMonate", "2020-01-01", null, "12", "§ 60d Abs. 1 Nr. 3 AufenthG (Stand Fachkonzept)");
        yield return R("Paragraph60d.Wochenstunden", "2020-01-01", null, "20", "§ 60d Abs. 1 Nr. 3 AufenthG (Stand Fachkonzept)");
        yield return R("Paragraph60d.Sprachniveau", "2020-01-01", null, "A2", "§ 60d Abs. 1 Nr. 5 AufenthG");

        // § 25b AufenthG: shortened by the Chancen-Aufenthaltsrecht law, in force 31.12.2022.
        yield return R("Paragraph25b.VoraufenthaltJahre", "2015-08-01", "2022-12-30", "8", "§ 25b Abs. 1 Nr. 1 AufenthG a. F.");
        yield return R("Paragraph25b.VoraufenthaltJahre", "2022-12-31", null, "6", "§ 25b Abs. 1 Nr. 1 AufenthG");
        yield return R("Paragraph25b.VoraufenthaltMitKindJahre", "2015-08-01", "2022-12-30", "6", "§ 25b Abs. 1 Nr. 1 AufenthG a. F.");
        yield return R("Paragraph25b.VoraufenthaltMitKindJahre", "2022-12-31", null, "4", "§ 25b Abs. 1 Nr. 1 AufenthG");
        yield return R("Paragraph25b.Sprachniveau", "2015-08-01", null, "A2", "§ 25b Abs. 1 Nr. 4 AufenthG");

        // § 25a AufenthG (gut integrierte Jugendliche und junge Volljährige).
        yield return R("Paragraph25a.MindestalterJahre", "2015-08-01", null, "14", "§ 25a Abs. 1 AufenthG");
        yield return R("Paragraph25a.HoechstalterJahre", "2015-08-01", "2022-12-30", "20", "§ 25a Abs. 1 AufenthG a. F. (Antrag vor dem 21. Geburtstag)");
        yield return R("Paragraph25a.HoechstalterJahre", "2022-12-31", null, "26", "§ 25a Abs. 1 AufenthG (Antrag vor dem 27. Geburtstag)");
        yield return R("Paragraph25a.VoraufenthaltJahre", "2015-08-01", "2022-12-30", "4", "§ 25a Abs. 1 Nr. 1 AufenthG a. F.");
        yield return R("Paragraph25a.VoraufenthaltJahre", "2022-12-31", null, "3", "§ 25a Abs. 1 Nr. 1 AufenthG");

        // § 104c AufenthG Chancen-Aufenthaltsrecht: no new grants since 01.01.2026.
        yield return R("Paragraph104c.ErteilungBis", "2022-12-31", null, "2025-12-31", "§ 104c AufenthG (befristete Regelung)");
        yield return R("Paragraph104c.Stichtag", "2022-12-31", null, "2022-10-31", "§ 104c Abs. 1 AufenthG");
        yield return R("Paragraph104c.VoraufenthaltJahre", "2022-12-31", null, "5", "§ 104c Abs. 1 AufenthG");
        yield return R("Paragraph104c.LaufzeitMonate", "2022-12-31", null, "18", "§ 104c Abs. 3 AufenthG");

        // Leistungen: which residence states entitle to SGB II (the rest: AsylbLG).
        yield return R(
            "Leistungen.SGB2BerechtigendeAufenthaltszustaende",
            "2005-01-01",
            null,
            "Schutzstatus,AufenthaltserlaubnisSchutz,Aufenthaltserlaubnis24,Aufenthaltserlaubnis25a,Aufenthaltserlaubnis25b,Aufenthaltserlaubnis16g,Chancenaufenthaltsrecht,AufenthaltserlaubnisSonstige,Niederlassungserlaubnis,Eingebuergert",
            "§ 7 SGB II, § 1 AsylbLG");
        yield return R("Leistungen.Paragraph24SGB2NurBeiErsterteilungBis", "2022-06-01", "2025-03-31", "9999-12-31", "Rechtskreiswechsel § 24 AufenthG zum 01.06.2022");
        yield return R("Leistungen.Paragraph24SGB2NurBeiErsterteilungBis", "2025-04-01", null, "2025-03-31", "Leistungsrechtsanpassungsgesetz: erste § 24-Erlaubnis nach dem 31.03.2025 -> AsylbLG (Inkrafttreten vor Ort prüfen)");
        yield return R("Leistungen.KooperationsplanUeberpruefungMonate", "2023-07-01", null, "6", "§ 15 Abs. 3 SGB II (Bürgergeld-Gesetz)");
        yield return R("Leistungen.SGB2Leistungsbezeichnung", "2005-01-01", "2022-12-31", "Arbeitslosengeld II", "SGB II a. F.");
        yield return R("Leistungen.SGB2Leistungsbezeichnung", "2023-01-01", "2026-06-30", "Bürgergeld", "Bürgergeld-Gesetz");
        yield return R("Leistungen.SGB2Leistungsbezeichnung", "2026-07-01", null, "Grundsicherungsgeld", "13. SGB II-ÄndG (Datum laut Gesetzentwurf, vor Ort prüfen)");

        // Bildung (source 003: berufliche/universitäre Wege erwarten B2/C1; source 004: erst Alphabetisierung).
        yield return R("Bildung.MindestniveauAusbildung", "2016-01-01", null, "B2", "Stellungnahme LaKI 27.04.2016 (Quelle 003); kommunal anpassbar");
        yield return R("Bildung.MindestniveauStudium", "2016-01-01", null, "C1", "Stellungnahme LaKI 27.04.2016 (Quelle 003); Hochschulzugang DSH/TestDaF");
        yield return R("Bildung.MindestniveauQualifizierung", "2016-01-01", null, "A2", "Fachliche Festlegung (kommunal anpassbar)");
        yield return R("Bildung.ZugangsniveauBerufssprachkurs", "2016-07-01", null, "B1", "§ 45a AufenthG, DeuFöV");
        yield return R("Bildung.ZugangsniveauBerufssprachkursNachIntegrationskurs", "2016-07-01", null, "A2", "DeuFöV: Spezialkurse A2 für Teilnehmende, die im Integrationskurs B1 nicht erreicht haben");
        yield return R("Bildung.IntegrationskursMaxWiederholungen", "2005-01-01", null, "1", "§ 5 Abs. 4 IntV (einmalige Wiederholung von 300 UE)");
        yield return R("Bildung.SeiteneinstiegHoechstalterJahre", "2005-01-01", null, "17", "Schulpflicht NRW (Seiteneinstieg bis zur Volljährigkeit)");

        // Zielgruppen (source 000: 18-27 in Duldung/Gestattung; source 001: Zieldimension I = 3 Jahre ab Einreise).
        yield return R("Zielgruppe.JungeErwachseneVonJahre", "2000-01-01", null, "18", "Landesinitiativen „Gemeinsam klappt’s“, „Durchstarten“ (Quelle 000)");
        yield return R("Zielgruppe.JungeErwachseneBisJahre", "2000-01-01", null, "27", "Landesinitiativen „Gemeinsam klappt’s“, „Durchstarten“ (Quelle 000)");
        yield return R("Zielgruppe.ZieldimensionIJahreAbEinreise", "2000-01-01", null, "3", "Teilhabe- und Integrationsstrategie 2030 NRW (Quelle 001)");

        // Retention per category of data (docs/loeschkonzept.md). No KIM-specific period exists; these are the product's
        // defaults, to be fixed by each Kommune with its data protection officer (a new row with its own GueltigAb).
        yield return R("Aufbewahrung.FallakteNachAbschluss", "2020-01-01", null, "P3Y", "§ 84 Abs. 2 SGB X, Art. 5 Abs. 1 Buchst. e, Art. 17 DSGVO; keine KIM-spezifische Frist gefunden: Produktstandard 3 Jahre nach Abschluss, Abbruch oder Verweisung (kommunal festzulegen)");
        yield return R("Aufbewahrung.Auditprotokoll", "2020-01-01", null, "P2Y", "Art. 5 Abs. 1 Buchst. e, Art. 32 DSGVO, § 78a SGB X; DSK-Orientierungshilfe Protokollierung; Produktstandard 2 Jahre nach dem Zugriff (kommunal festzulegen)");
        yield return R("Aufbewahrung.Benachrichtigungen", "2020-01-01", null, "P90D", "Art. 5 Abs. 1 Buchst. c, e DSGVO (Speicherbegrenzung); Produktstandard 90 Tage nach Erstellung");
        yield return R("Aufbewahrung.Sitzungen", "2020-01-01", null, "P30D", "Art. 5 Abs. 1 Buchst. e, Art. 32 DSGVO; Produktstandard 30 Tage nach Ende oder Ablauf der Sitzung");
        yield return R("Aufbewahrung.Idempotenzschluessel", "2020-01-01", null, "PT24H", "Art. 5 Abs. 1 Buchst. c, e DSGVO; technische Wiederholungssicherung: 24 Stunden nach dem Schreibvorgang");
    }
}
