using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Application.Analysen.Algorithmen;
using Kim.Casemanagement.Application.Analysen.Rohdaten;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Faelle.Prozess;
using Kim.Casemanagement.Domain.Themen;
using Npgsql;
using NpgsqlTypes;

namespace Kim.Casemanagement.Infrastructure.Analysen;

/// <summary>
/// The analyses in SQL: PostgreSQL does the heavy lifting (window functions over the event log, <c>percentile_cont</c>,
/// <c>string_agg</c>, grouping sets) and only small aggregates come back. Traces are ordered by
/// <c>(fachliches_datum, nr)</c> and partitioned by <c>(fall_id, spur, ueberleitung_id)</c>, or by <c>fall_id</c>
/// across tracks; the results match <see cref="Ereignisfolgen"/> exactly (tests compare both).
/// </summary>
public sealed class AnalysenDaten(NpgsqlDataSource dataSource) : IAnalysenDaten
{
    /// <summary>
    /// Statement timeout of the analyses: over 100,000 Fälle the process maps take 10-20 s of PostgreSQL time, more on a
    /// loaded machine, beyond Npgsql's default of 30 s. The page's stored report is computed in the background.
    /// </summary>
    public const int ZeitlimitSekunden = 300;


    public async Task<Population> PopulationAsync(AnalyseAbfrage abfrage, bool mitZeitraum, CancellationToken ct)
    {
        await using var befehl = Befehl();
        befehl.CommandText = KohortenSql.Population(abfrage, befehl, mitZeitraum);
        await using var leser = await befehl.ExecuteReaderAsync(ct);
        await leser.ReadAsync(ct);
        var werte = Enumerable.Range(0, leser.FieldCount).Select(leser.GetInt64).ToList();
        return new Population(werte[0], werte.Skip(1).ToList());
    }

    public async Task<bool> UeberschneidenSichAsync(AnalyseAbfrage a, AnalyseAbfrage b, CancellationToken ct)
    {
        // Each cohort with its own parameters (the cohort CTE names them alike); the ids of the first, then a probe of the second.
        var erste = new HashSet<Guid>();
        await using (var befehl = Befehl())
        {
            befehl.CommandText = $"{KohortenSql.Mit(a, befehl, mitZeitraum: true)} SELECT fall_id FROM kohorte";
            await using var leser = await befehl.ExecuteReaderAsync(ct);
            while (await leser.ReadAsync(ct))
            {
                erste.Add(leser.GetGuid(0));
            }
        }

        await using (var befehl = Befehl())
        {
            befehl.CommandText = $"{KohortenSql.Mit(b, befehl, mitZeitraum: true)} SELECT fall_id FROM kohorte";
            await using var leser = await befehl.ExecuteReaderAsync(ct);
            while (await leser.ReadAsync(ct))
            {
                if (erste.Contains(leser.GetGuid(0)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public async Task<LandkartenRohdaten> LandkarteAsync(AnalyseAbfrage abfrage, Spur? spur, bool spuruebergreifend, CancellationToken ct)
    {
        await using var befehl = Befehl();
        var kohorte = KohortenSql.Mit(abfrage, befehl, mitZeitraum: true);
        befehl.Parameters.Add(new NpgsqlParameter("heute", NpgsqlDbType.Date) { Value = abfrage.Heute });
        var spurFilter = string.Empty;
        if (!spuruebergreifend && spur is { } s)
        {
            befehl.Parameters.Add(new NpgsqlParameter("spur", NpgsqlDbType.Text) { Value = s.ToString() });
            spurFilter = "WHERE e.spur = @spur";
        }

        var partition = spuruebergreifend ? "fall_id" : "fall_id, spur, ueberleitung_id";
        befehl.CommandText = $"""
            {kohorte},
            ev0 AS (
              SELECT e.fall_id, e.spur, e.ueberleitung_id, e.nr, e.fachliches_datum AS d, e.nach_zustand AS zustand,
                     CASE WHEN e.spur = 'Ueberleitung' THEN u.empfaenger END AS gruppe, k.offen
              FROM fall_ereignisse e
              JOIN kohorte k ON k.fall_id = e.fall_id
              LEFT JOIN ueberleitungen u ON u.id = e.ueberleitung_id
              {spurFilter}
            ),
            ev AS (
              SELECT fall_id, spur, gruppe, zustand, d, offen,
                     lead(spur) OVER w AS n_spur, lead(gruppe) OVER w AS n_gruppe, lead(zustand) OVER w AS n_zustand, lead(d) OVER w AS n_d,
                     row_number() OVER w AS rn
              FROM ev0
              WINDOW w AS (PARTITION BY {partition} ORDER BY d, nr)
            )
            SELECT GROUPING(n_spur, n_gruppe, n_zustand) AS knoten, spur, gruppe, zustand, n_spur, n_gruppe, n_zustand,
                   count(*) AS anzahl, count(DISTINCT fall_id) AS faelle,
                   count(*) FILTER (WHERE rn = 1) AS starts, count(DISTINCT fall_id) FILTER (WHERE rn = 1) AS start_faelle,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY n_d - d) AS median,
                   percentile_cont(0.8) WITHIN GROUP (ORDER BY n_d - d) AS p80,
                   count(*) FILTER (WHERE n_zustand IS NULL AND offen) AS offen,
                   count(DISTINCT fall_id) FILTER (WHERE n_zustand IS NULL AND offen) AS offen_faelle,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY @heute - d) FILTER (WHERE n_zustand IS NULL AND offen) AS offen_median,
                   percentile_cont(0.8) WITHIN GROUP (ORDER BY @heute - d) FILTER (WHERE n_zustand IS NULL AND offen) AS offen_p80
            FROM ev
            GROUP BY GROUPING SETS ((spur, gruppe, zustand, n_spur, n_gruppe, n_zustand), (spur, gruppe, zustand))
            """;

        var knoten = new List<KnotenRoh>();
        var kanten = new List<KanteRoh>();
        await using (var leser = await befehl.ExecuteReaderAsync(ct))
        {
            while (await leser.ReadAsync(ct))
            {
                var vonSpur = Enum.Parse<Spur>(leser.GetString(1));
                var gruppe = Text(leser, 2);
                var zustand = leser.GetString(3);
                if (leser.GetInt32(0) != 0)
                {
                    knoten.Add(new KnotenRoh(vonSpur, gruppe, zustand, leser.GetInt64(7), leser.GetInt64(8), leser.GetInt64(9), leser.GetInt64(10), Zahl(leser, 11), Zahl(leser, 12)));
                    continue;
                }

                kanten.Add(new KanteRoh(
                    vonSpur, gruppe, zustand, Text(leser, 4) is { } n ? Enum.Parse<Spur>(n) : null, Text(leser, 5), Text(leser, 6),
                    leser.GetInt64(7), leser.GetInt64(8), Zahl(leser, 11), Zahl(leser, 12),
                    leser.GetInt64(13), leser.GetInt64(14), Zahl(leser, 15), Zahl(leser, 16)));
            }
        }

        // Traces: one per start. Distinct Fälle: exact from the starts wherever a Fall has one trace (a track, or across
        // tracks); referrals (several per Fall) are counted in their own small table.
        var summen = new List<VerlaufSummeRoh>();
        if (spuruebergreifend)
        {
            summen.Add(new VerlaufSummeRoh(null, knoten.Sum(k => k.Starts), knoten.Sum(k => k.StartFaelle)));
        }
        else
        {
            foreach (var g in knoten.GroupBy(k => k.Spur))
            {
                var faelle = g.Key == Spur.Ueberleitung ? await FaelleMitUeberleitungAsync(abfrage, ct) : g.Sum(k => k.StartFaelle);
                summen.Add(new VerlaufSummeRoh(g.Key, g.Sum(k => k.Starts), faelle));
            }
        }

        return new LandkartenRohdaten(knoten, kanten, summen);
    }

    public async Task<VariantenRohdaten> VariantenAsync(AnalyseAbfrage abfrage, Spur spur, int anzahl, CancellationToken ct)
    {
        await using var befehl = Befehl();
        var kohorte = KohortenSql.Mit(abfrage, befehl, mitZeitraum: true);
        befehl.Parameters.Add(new NpgsqlParameter("spur", NpgsqlDbType.Text) { Value = spur.ToString() });
        befehl.Parameters.Add(new NpgsqlParameter("anzahl", NpgsqlDbType.Integer) { Value = anzahl });
        // One pass: traces, then variants with the totals as window aggregates over all variants before the limit. A Fall
        // has one trace per track, one per referral on the referral track: only there the distinct Fälle need their own count.
        var ueberleitung = spur == Spur.Ueberleitung;
        befehl.CommandText = $"""
            {kohorte},
            pfade AS (
              SELECT e.fall_id,
                     string_agg(e.nach_zustand, '>' ORDER BY e.fachliches_datum, e.nr) FILTER (WHERE e.von_zustand IS DISTINCT FROM e.nach_zustand) AS pfad,
                     max(e.fachliches_datum) - min(e.fachliches_datum) AS dauer
              FROM fall_ereignisse e
              JOIN kohorte k ON k.fall_id = e.fall_id
              WHERE e.spur = @spur
              GROUP BY e.fall_id{(ueberleitung ? ", e.ueberleitung_id" : string.Empty)}
            )
            SELECT sum(count(*)) OVER ()::bigint,
                   {(ueberleitung ? "(SELECT count(DISTINCT fall_id) FROM pfade)" : "sum(count(*)) OVER ()::bigint")},
                   count(*) OVER (), pfad, count(*), {(ueberleitung ? "count(DISTINCT fall_id)" : "count(*)")}, percentile_cont(0.5) WITHIN GROUP (ORDER BY dauer)
            FROM pfade
            GROUP BY pfad
            ORDER BY count(*) DESC, pfad COLLATE "C"
            LIMIT @anzahl
            """;

        long gesamt = 0, faelle = 0, varianten = 0;
        var liste = new List<VarianteRoh>();
        await using var leser = await befehl.ExecuteReaderAsync(ct);
        while (await leser.ReadAsync(ct))
        {
            gesamt = leser.GetInt64(0);
            faelle = leser.GetInt64(1);
            varianten = leser.GetInt64(2);
            if (Text(leser, 3) is { } pfad)
            {
                liste.Add(new VarianteRoh(pfad.Split('>'), leser.GetInt64(4), leser.GetInt64(5), Zahl(leser, 6)));
            }
        }

        return new VariantenRohdaten(gesamt, faelle, varianten, liste);
    }

    public async Task<IReadOnlyList<DauerBeobachtung>> DauernAsync(AnalyseAbfrage abfrage, MeilensteinDefinition meilenstein, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(meilenstein);
        await using var befehl = Befehl();
        var kohorte = KohortenSql.Mit(abfrage, befehl, mitZeitraum: true, mitEinreise: meilenstein.Start.Art == MeilensteinArt.Einreise);
        befehl.Parameters.Add(new NpgsqlParameter("heute", NpgsqlDbType.Date) { Value = abfrage.Heute });
        Zustandsliste(befehl, "ende", meilenstein.Ende);
        var start = meilenstein.Start.Art switch
        {
            MeilensteinArt.Einreise => "SELECT fall_id, einreisedatum AS d FROM kohorte WHERE einreisedatum IS NOT NULL",
            MeilensteinArt.Aufnahme => "SELECT fall_id, aufgenommen_am AS d FROM kohorte",
            _ => Zustandsliste(befehl, "start", meilenstein.Start) + """
                SELECT e.fall_id, min(e.fachliches_datum) AS d
                FROM fall_ereignisse e
                JOIN kohorte k ON k.fall_id = e.fall_id
                JOIN unnest(@start_spur, @start_zustand) AS s(spur, zustand) ON s.spur = e.spur AND s.zustand = e.nach_zustand
                GROUP BY e.fall_id
                """,
        };
        befehl.CommandText = $"""
            {kohorte},
            start AS ({start}),
            ende AS (
              SELECT s.fall_id, min(e.fachliches_datum) AS d
              FROM start s
              JOIN fall_ereignisse e ON e.fall_id = s.fall_id AND e.fachliches_datum >= s.d
              JOIN unnest(@ende_spur, @ende_zustand) AS z(spur, zustand) ON z.spur = e.spur AND z.zustand = e.nach_zustand
              GROUP BY s.fall_id
            ),
            beobachtung AS (
              SELECT coalesce(en.d, zensur.d) - s.d AS tage, en.d IS NOT NULL AS ereignis
              FROM start s
              JOIN kohorte k ON k.fall_id = s.fall_id
              LEFT JOIN ende en ON en.fall_id = s.fall_id
              CROSS JOIN LATERAL (SELECT CASE WHEN k.offen THEN @heute ELSE k.prozess_seit END AS d) zensur
              WHERE en.d IS NOT NULL OR zensur.d >= s.d
            )
            SELECT tage, ereignis, count(*) FROM beobachtung GROUP BY tage, ereignis ORDER BY tage, ereignis
            """;

        var liste = new List<DauerBeobachtung>();
        await using var leser = await befehl.ExecuteReaderAsync(ct);
        while (await leser.ReadAsync(ct))
        {
            liste.Add(new DauerBeobachtung(leser.GetInt32(0), leser.GetBoolean(1), leser.GetInt64(2)));
        }

        return liste;
    }

    public async Task<KonformitaetsRohdaten> KonformitaetAsync(AnalyseAbfrage abfrage, IReadOnlyCollection<SollKante> soll, IReadOnlyCollection<Spur> spuren, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(soll);
        ArgumentNullException.ThrowIfNull(spuren);
        await using var befehl = Befehl();
        var kohorte = KohortenSql.Mit(abfrage, befehl, mitZeitraum: true);
        befehl.Parameters.Add(new NpgsqlParameter("spuren", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = spuren.Select(s => s.ToString()).ToArray() });
        befehl.Parameters.Add(new NpgsqlParameter("soll_spur", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = soll.Select(s => s.Spur.ToString()).ToArray() });
        befehl.Parameters.Add(new NpgsqlParameter("soll_von", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = soll.Select(s => s.Von).ToArray() });
        befehl.Parameters.Add(new NpgsqlParameter("soll_nach", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = soll.Select(s => s.Nach).ToArray() });
        befehl.CommandText = $"""
            {kohorte},
            soll AS (SELECT DISTINCT * FROM unnest(@soll_spur, @soll_von, @soll_nach) AS s(spur, von, nach)),
            ev AS (
              SELECT e.fall_id, e.spur, e.nach_zustand AS z,
                     lag(e.nach_zustand) OVER (PARTITION BY e.fall_id, e.spur, e.ueberleitung_id ORDER BY e.fachliches_datum, e.nr) AS vor
              FROM fall_ereignisse e
              JOIN kohorte k ON k.fall_id = e.fall_id
              WHERE e.spur = ANY(@spuren)
            ),
            schritte AS MATERIALIZED (
              SELECT ev.fall_id, ev.spur, ev.vor, ev.z, (ev.vor IS NOT NULL AND ev.vor <> ev.z AND s.spur IS NULL) AS abweichung
              FROM ev LEFT JOIN soll s ON s.spur = ev.spur AND s.von = ev.vor AND s.nach = ev.z
            ),
            je_spur AS (SELECT fall_id, spur, NOT bool_or(abweichung) AS konform FROM schritte GROUP BY fall_id, spur)
            SELECT 'spur' AS art, spur, NULL AS von, NULL AS nach, count(*) AS a, count(*) FILTER (WHERE konform) AS b FROM je_spur GROUP BY spur
            UNION ALL
            SELECT 'gesamt', NULL, NULL, NULL, count(*), count(*) FILTER (WHERE konform)
            FROM (SELECT fall_id, bool_and(konform) AS konform FROM je_spur GROUP BY fall_id) f
            UNION ALL
            SELECT 'abweichung', spur, vor, z, count(*), count(DISTINCT fall_id) FROM schritte WHERE abweichung GROUP BY spur, vor, z
            """;

        var anteile = new List<KonformitaetRoh>();
        var abweichungen = new List<AbweichungRoh>();
        await using var leser = await befehl.ExecuteReaderAsync(ct);
        while (await leser.ReadAsync(ct))
        {
            var art = leser.GetString(0);
            Spur? spur = Text(leser, 1) is { } s ? Enum.Parse<Spur>(s) : null;
            if (art == "abweichung")
            {
                abweichungen.Add(new AbweichungRoh(spur!.Value, leser.GetString(2), leser.GetString(3), leser.GetInt64(4), leser.GetInt64(5)));
            }
            else
            {
                anteile.Add(new KonformitaetRoh(spur, leser.GetInt64(4), leser.GetInt64(5)));
            }
        }

        return new KonformitaetsRohdaten(anteile, abweichungen);
    }

    public async Task<IReadOnlyList<QuartalsWertRoh>> KennzahlenAsync(AnalyseAbfrage abfrage, CancellationToken ct)
    {
        await using var befehl = Befehl();
        var kohorte = KohortenSql.Mit(abfrage, befehl, mitZeitraum: false);
        befehl.Parameters.Add(new NpgsqlParameter("abschlussgruende", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = Enum.GetNames<Abschlussgrund>() });
        befehl.Parameters.Add(new NpgsqlParameter("abbruchgruende", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = Enum.GetNames<Abbruchgrund>() });

        // The process states as the track registry derives them: closed, running (open and not paused), paused.
        befehl.Parameters.Add(new NpgsqlParameter("beendet", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = Spurregister.Prozess.BeendeteZustaende.ToArray() });
        befehl.Parameters.Add(new NpgsqlParameter("laufend", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = Spurregister.Prozess.LaufendeZustaende.ToArray() });
        befehl.Parameters.Add(new NpgsqlParameter("pausiert", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = Spurregister.Prozess.PausierteZustaende.ToArray() });
        // One row per quarter with a FILTER aggregate per measure, and one per quarter and closing reason; unfolded into
        // (quarter, measure) below. Distinct Fälle are counted only where the suppression needs them. (A row per event
        // and measure with count(DISTINCT) per row group took 3 × as long.)
        befehl.CommandText = $"""
            {kohorte},
            p AS (
              SELECT e.fall_id, date_trunc('quarter', e.fachliches_datum::timestamp)::date AS q, e.trigger, e.nach_zustand AS z, e.akteur, e.parameter,
                     lag(e.nach_zustand) OVER (PARTITION BY e.fall_id ORDER BY e.fachliches_datum, e.nr) AS vor
              FROM fall_ereignisse e
              JOIN kohorte k ON k.fall_id = e.fall_id
              WHERE e.spur = 'Prozess'
            ),
            b AS (
              SELECT fall_id, q, trigger, z, vor, akteur, parameter,
                     z = ANY(@beendet) AND vor IS DISTINCT FROM z AS beendet,
                     CASE WHEN z = ANY(@laufend) THEN 1 ELSE 0 END - CASE WHEN vor = ANY(@laufend) THEN 1 ELSE 0 END AS d_aktiv,
                     CASE WHEN z = ANY(@pausiert) THEN 1 ELSE 0 END - CASE WHEN vor = ANY(@pausiert) THEN 1 ELSE 0 END AS d_ruhend
              FROM p
            )
            SELECT q, NULL,
                   count(*) FILTER (WHERE vor IS NULL), count(DISTINCT fall_id) FILTER (WHERE vor IS NULL),
                   count(*) FILTER (WHERE trigger = 'Wiederaufnehmen'), count(DISTINCT fall_id) FILTER (WHERE trigger = 'Wiederaufnehmen'),
                   count(*) FILTER (WHERE beendet), count(DISTINCT fall_id) FILTER (WHERE beendet),
                   sum(d_aktiv)::bigint, sum(d_ruhend)::bigint, count(DISTINCT akteur) FILTER (WHERE vor IS NOT NULL)
            FROM b GROUP BY q
            UNION ALL
            SELECT q, CASE
                        WHEN z = 'Abschluss' THEN 'Beendet:Abschluss:' || CASE WHEN parameter->>'abschlussgrund' = ANY(@abschlussgruende) THEN parameter->>'abschlussgrund' ELSE 'Sonstiges' END
                        WHEN z = 'Abbruch' THEN 'Beendet:Abbruch:' || CASE WHEN parameter->>'abbruchgrund' = ANY(@abbruchgruende) THEN parameter->>'abbruchgrund' ELSE 'Sonstiges' END
                        ELSE 'Beendet:Verweisung' END,
                   count(*), count(DISTINCT fall_id), 0, 0, 0, 0, 0, 0, 0
            FROM b WHERE beendet GROUP BY 1, 2
            """;

        var liste = new List<QuartalsWertRoh>();
        await using var leser = await befehl.ExecuteReaderAsync(ct);
        while (await leser.ReadAsync(ct))
        {
            var q = leser.GetFieldValue<DateOnly>(0);
            if (Text(leser, 1) is { } grund)
            {
                liste.Add(new QuartalsWertRoh(q, grund, leser.GetInt64(2), leser.GetInt64(3)));
                continue;
            }

            liste.Add(new QuartalsWertRoh(q, "Neu", leser.GetInt64(2), leser.GetInt64(3)));
            liste.Add(new QuartalsWertRoh(q, "Wiederaufnahme", leser.GetInt64(4), leser.GetInt64(5)));
            liste.Add(new QuartalsWertRoh(q, "Beendet", leser.GetInt64(6), leser.GetInt64(7)));

            // Stock changes: the handler adds them up over the quarters; distinct Fälle do not apply.
            liste.Add(new QuartalsWertRoh(q, "Bestand:Aktiv", leser.GetInt64(8), 0));
            liste.Add(new QuartalsWertRoh(q, "Bestand:Ruhend", leser.GetInt64(9), 0));
            liste.Add(new QuartalsWertRoh(q, "Fallmanager", leser.GetInt64(10), leser.GetInt64(10)));
        }

        return liste;
    }

    public async Task<IReadOnlyList<ThemenWertRoh>> ThemenAsync(AnalyseAbfrage abfrage, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(abfrage);
        await using var befehl = Befehl();
        var mitKohorte = abfrage.Filter.HatKohortenfilter;
        var kohorte = mitKohorte ? KohortenSql.Mit(abfrage, befehl, mitZeitraum: false) : string.Empty;
        if (!mitKohorte)
        {
            befehl.Parameters.Add(new NpgsqlParameter("mandant", NpgsqlDbType.Text) { Value = abfrage.Mandant });
        }

        var zeitraum = string.Empty;
        if (abfrage.Filter.Von is { } von)
        {
            befehl.Parameters.Add(new NpgsqlParameter("t_von", NpgsqlDbType.Date) { Value = von });
            zeitraum += " AND (t.erstellt_am AT TIME ZONE 'Europe/Berlin')::date >= @t_von";
        }

        if (abfrage.Filter.Bis is { } bis)
        {
            befehl.Parameters.Add(new NpgsqlParameter("t_bis", NpgsqlDbType.Date) { Value = bis });
            zeitraum += " AND (t.erstellt_am AT TIME ZONE 'Europe/Berlin')::date <= @t_bis";
        }

        befehl.CommandText = $"""
            {kohorte}
            SELECT t.kategorie, t.status, GROUPING(t.kategorie) AS gk, GROUPING(t.status) AS gs, count(*), count(DISTINCT coalesce(t.fall_id, t.id))
            FROM themen t
            {(mitKohorte ? "JOIN kohorte k ON k.fall_id = t.fall_id" : string.Empty)}
            WHERE t.mandant = @mandant{zeitraum}
            GROUP BY CUBE (t.kategorie, t.status)
            """;

        var liste = new List<ThemenWertRoh>();
        await using var leser = await befehl.ExecuteReaderAsync(ct);
        while (await leser.ReadAsync(ct))
        {
            ThemaKategorie? kategorie = leser.GetInt32(2) == 1 ? null : Enum.TryParse<ThemaKategorie>(leser.GetString(0), out var k) ? k : null;
            ThemaStatus? status = leser.GetInt32(3) == 1 ? null : Enum.TryParse<ThemaStatus>(leser.GetString(1), out var s) ? s : null;
            if ((leser.GetInt32(2) == 0 && kategorie is null) || (leser.GetInt32(3) == 0 && status is null))
            {
                continue;
            }

            liste.Add(new ThemenWertRoh(kategorie, status, leser.GetInt64(4), leser.GetInt64(5)));
        }

        return liste;
    }

    private async Task<long> FaelleMitUeberleitungAsync(AnalyseAbfrage abfrage, CancellationToken ct)
    {
        await using var befehl = Befehl();
        var kohorte = KohortenSql.Mit(abfrage, befehl, mitZeitraum: true);
        befehl.CommandText = $"{kohorte}\nSELECT count(DISTINCT u.fall_id) FROM ueberleitungen u JOIN kohorte k ON k.fall_id = u.fall_id";
        return (long)(await befehl.ExecuteScalarAsync(ct))!;
    }

    private NpgsqlCommand Befehl()
    {
        var befehl = dataSource.CreateCommand();
        befehl.CommandTimeout = ZeitlimitSekunden;
        return befehl;
    }

    /// <summary>Adds <c>@{name}_spur</c> and <c>@{name}_zustand</c> (parallel text arrays) for a milestone's states; returns "".</summary>
    private static string Zustandsliste(NpgsqlCommand befehl, string name, MeilensteinPunkt punkt)
    {
        var zustaende = punkt.Zustaende.Select(Spurzustaende.Lesen).OfType<(Spur Spur, string Zustand)>().ToList();
        befehl.Parameters.Add(new NpgsqlParameter($"{name}_spur", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = zustaende.Select(z => z.Spur.ToString()).ToArray() });
        befehl.Parameters.Add(new NpgsqlParameter($"{name}_zustand", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = zustaende.Select(z => z.Zustand).ToArray() });
        return string.Empty;
    }

    private static string? Text(NpgsqlDataReader leser, int spalte) => leser.IsDBNull(spalte) ? null : leser.GetString(spalte);

    private static double? Zahl(NpgsqlDataReader leser, int spalte) => leser.IsDBNull(spalte) ? null : leser.GetDouble(spalte);
}
