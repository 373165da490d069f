using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Kim.Casemanagement.Benchmarks.Analysen;
using Kim.Casemanagement.Benchmarks.Umgebung;
using Npgsql;

namespace Kim.Casemanagement.Benchmarks.Stoerungen;

/// <summary>
/// Issue 15, acceptance: the erasure job (<c>loeschlauf</c> command, ADR 0007) killed with SIGKILL repeatedly during a
/// run on ≥ 10,000 due Fälle; afterwards every due Fall is either fully anonymised or untouched, and a final run
/// finishes the rest. Also the time the job needs per 10,000 Fälle, from an uninterrupted run on a second copy of the
/// same generated data. The period is set to 30 days (a dated rule row given as configuration, as a Kommune would) so
/// that most closed Fälle of the generated eight years are due.
/// </summary>
internal static class LoeschlaufStoerungsTest
{
    /// <summary>Configuration of the command: the case-file period as a rule row (the Kommune's way to change it).</summary>
    private static readonly Dictionary<string, string> Frist = new()
    {
        ["Rechtsregeln__0__Schluessel"] = "Aufbewahrung.FallakteNachAbschluss",
        ["Rechtsregeln__0__GueltigAb"] = "2020-01-01",
        ["Rechtsregeln__0__Wert"] = "P30D",
        ["Rechtsregeln__0__Quelle"] = "Lasttest",
    };

    /// <summary>Due: closed for longer than 30 days and not anonymised (the job's rule, written out for the check).</summary>
    private static readonly string Faellig =
        $"f.anonymisiert_am IS NULL AND f.prozess_zustand IN ({string.Join(", ", Domain.Faelle.Spurregister.Prozess.BeendeteZustaende.Select(z => $"'{z}'"))}) "
        + "AND f.prozess_seit + 30 < (now() AT TIME ZONE 'Europe/Berlin')::date";

    private static readonly string[] Kinder = ["einwilligungen", "ziele", "wiedervorlagen", "vertretungen", "notizen", "kompetenzprofil_uebergaben", "fall_sperren", "ueberleitungen", "fall_ereignisse"];

    public static async Task<int> AusfuehrenAsync(int klienten, int abbrueche)
    {
        Console.WriteLine($"== Löschlauf unter kill -9: Demodaten mit {klienten} Klienten, {abbrueche} Abbrüche");
        var (zeitDb, _) = await AnalysenBenchmark.DemodatenAsync(klienten);
        await using var __ = zeitDb;
        var (db, ereignisse) = await AnalysenBenchmark.DemodatenAsync(klienten);
        await using var _ = db;

        // 1. The time per 10,000 Fälle: one uninterrupted run on the first copy (the job's own start and end in its record).
        var uhr = Stopwatch.StartNew();
        var code = await AppProzess.KommandoAsync(zeitDb.AppConnectionString, zeitDb.OwnerConnectionString, Frist, "loeschlauf");
        var wand = uhr.Elapsed.TotalSeconds;
        if (code != 0)
        {
            throw new InvalidOperationException("loeschlauf fehlgeschlagen.");
        }

        var (zeitAnzahl, zeitSekunden) = await LaufDauerAsync(zeitDb.OwnerConnectionString);
        var je10000 = zeitSekunden / zeitAnzahl * 10_000;
        Console.WriteLine($"   ununterbrochener Lauf: {zeitAnzahl} Fälle in {zeitSekunden:F1} s ({je10000:F1} s je 10.000; Prozess {wand:F1} s)");

        // 2. The second copy: three due Fälle held, then a snapshot of every due Fall.
        await SqlAsync(db.OwnerConnectionString, $"""
            INSERT INTO fall_sperren (id, fall_id, mandant, grund, bis, gesetzt_am, gesetzt_von)
            SELECT gen_random_uuid(), f.id, f.mandant, 'Lasttest', NULL, now(), 'bench' FROM faelle f WHERE {Faellig} ORDER BY f.id LIMIT 3;
            CREATE TABLE bench_faellig AS
            SELECT f.id, f.klient_id, EXISTS (SELECT 1 FROM fall_sperren s WHERE s.fall_id = f.id) AS gesperrt,
                   NOT EXISTS (SELECT 1 FROM faelle o WHERE o.klient_id = f.klient_id AND o.id <> f.id) AS klient_allein,
                   md5(f::text) AS zeile, (SELECT md5(k::text) FROM klienten k WHERE k.id = f.klient_id) AS klient,
                   {string.Join(", ", Kinder.Select(t => $"(SELECT count(*) FROM {t} x WHERE x.fall_id = f.id) AS {t}"))},
                   (SELECT md5(string_agg(e::text, '|' ORDER BY e.nr)) FROM fall_ereignisse e WHERE e.fall_id = f.id) AS ereignisse
            FROM faelle f WHERE {Faellig};
            """);
        var faellig = await ZahlAsync(db.OwnerConnectionString, "SELECT count(*) FROM bench_faellig WHERE NOT gesperrt");
        Console.WriteLine($"   fällig: {faellig} Fälle (3 weitere gesperrt), {ereignisse} Ereignisse in der Datenbank");

        // 3. Kill the command with SIGKILL while it anonymises, again and again; check after every kill.
        var zufall = new Random(42);
        var getoetet = 0;
        var halb = 0L;
        var verlaeufe = new List<long>();
        for (var k = 0; k < abbrueche; k++)
        {
            var vorher = await ZahlAsync(db.OwnerConnectionString, "SELECT count(*) FROM faelle WHERE anonymisiert_am IS NOT NULL");
            using var prozess = Starten(db.AppConnectionString, db.OwnerConnectionString);
            var fertig = false;
            while (await ZahlAsync(db.OwnerConnectionString, "SELECT count(*) FROM faelle WHERE anonymisiert_am IS NOT NULL") == vorher)
            {
                if (prozess.HasExited)
                {
                    fertig = true;
                    break;
                }

                await Task.Delay(20);
            }

            if (!fertig)
            {
                await Task.Delay(zufall.Next(100, 900));
                if (!prozess.HasExited)
                {
                    prozess.Kill(entireProcessTree: true);
                    await prozess.WaitForExitAsync();
                    getoetet++;
                }
            }

            var stand = await ZahlAsync(db.OwnerConnectionString, "SELECT count(*) FROM faelle WHERE anonymisiert_am IS NOT NULL");
            verlaeufe.Add(stand);
            halb += await HalbAsync(db.OwnerConnectionString);
            Console.WriteLine($"   kill -9 {k + 1}/{abbrueche}: {stand} anonymisiert; halb gelöscht bisher: {halb}");
            if (fertig || stand == faellig)
            {
                break;
            }
        }

        // 4. A final run finishes the rest.
        code = await AppProzess.KommandoAsync(db.AppConnectionString, db.OwnerConnectionString, Frist, "loeschlauf");
        var endHalb = await HalbAsync(db.OwnerConnectionString);
        var ende = await ZahlAsync(db.OwnerConnectionString, "SELECT count(*) FROM faelle WHERE anonymisiert_am IS NOT NULL");
        var rest = await ZahlAsync(db.OwnerConnectionString, "SELECT count(*) FROM bench_faellig b JOIN faelle f ON f.id = b.id WHERE NOT b.gesperrt");
        var gesperrtUnberuehrt = await ZahlAsync(db.OwnerConnectionString, "SELECT count(*) FROM bench_faellig b JOIN faelle f ON f.id = b.id WHERE b.gesperrt AND md5(f::text) = b.zeile");
        var protokoll = await ZahlAsync(db.OwnerConnectionString, "SELECT coalesce(sum(anonymisiert), 0) FROM loeschlaeufe WHERE NOT probelauf");
        var abgebrochen = await ZahlAsync(db.OwnerConnectionString, "SELECT count(*) FROM loeschlaeufe WHERE NOT probelauf AND beendet_am IS NULL");
        var ereignisseDanach = await ZahlAsync(db.OwnerConnectionString, "SELECT count(*) FROM fall_ereignisse");

        var zeilen = new List<(string Was, string Wert, string Ziel, bool Ok)>
        {
            ("fällige Fälle (Frist 30 Tage, nicht gesperrt)", faellig.ToString(CultureInfo.InvariantCulture), "≥ 10000", faellig >= 10_000),
            ("kill -9 während des Laufs", getoetet.ToString(CultureInfo.InvariantCulture), $"≥ {Math.Min(abbrueche, 10)}", getoetet >= Math.Min(abbrueche, 10)),
            ("halb gelöschte Fälle nach einem Abbruch (Summe über alle Prüfungen)", halb.ToString(CultureInfo.InvariantCulture), "0", halb == 0),
            ("nach dem letzten Lauf: anonymisiert / fällig", $"{ende} / {faellig}", "gleich", ende == faellig && rest == 0 && code == 0),
            ("halb gelöschte Fälle nach dem letzten Lauf", endHalb.ToString(CultureInfo.InvariantCulture), "0", endHalb == 0),
            ("gesperrte Fälle unverändert", $"{gesperrtUnberuehrt} / 3", "3 / 3", gesperrtUnberuehrt == 3),
            ("Ereignisse vorher / nachher", $"{ereignisse} / {ereignisseDanach}", "gleich", ereignisse == ereignisseDanach),
            ("Löschprotokoll: Summe anonymisiert / abgebrochene Läufe", $"{protokoll} / {abgebrochen}", $"{faellig} / {getoetet}", protokoll == faellig && abgebrochen == getoetet),
            ("Dauer je 10.000 Fälle (ununterbrochener Lauf)", string.Create(CultureInfo.InvariantCulture, $"{je10000:F1} s ({zeitAnzahl} Fälle in {zeitSekunden:F1} s)"), "Info", true),
        };
        var roh = new JsonObject
        {
            ["klienten"] = klienten,
            ["faellig"] = faellig,
            ["getoetet"] = getoetet,
            ["halb"] = halb,
            ["endHalb"] = endHalb,
            ["anonymisiert"] = ende,
            ["je10000Sekunden"] = je10000,
            ["staende"] = new JsonArray([.. verlaeufe.Select(v => (JsonNode)v)]),
        };
        Bericht.Ausgeben(
            "loeschlauf",
            zeilen,
            roh,
            "Fault test: the erasure job under kill -9 (Issue 15, ADR 0007)",
            $"./scripts/bench.sh loeschlauf --klienten {klienten} --abbrueche {abbrueche}",
            "Two copies of the generated data; the case-file period is set to 30 days by a dated rule row in the configuration. Copy 1: one uninterrupted `loeschlauf` run, its duration from the erasure record (`loeschlaeufe`). Copy 2: three due Fälle held, a snapshot of every due Fall (row, client, child rows per table, events), then the `loeschlauf` command is started and killed with SIGKILL 100-900 ms after it anonymised its first Fall, repeatedly; after every kill every due Fall is checked: either untouched (row, client and every child table as in the snapshot) or fully anonymised (no row of its own, no child row, client gone if it was their only Fall); the anonymised rows hold exactly the events of the erased Fälle. A final run finishes the rest.");
        return zeilen.All(z => z.Ok) ? 0 : 1;
    }

    /// <summary>Due Fälle that are neither untouched nor fully anonymised, and anonymised rows whose events do not add up.</summary>
    private static async Task<long> HalbAsync(string verbindung) => await ZahlAsync(verbindung, $"""
        SELECT
          -- still there: must be exactly as before
          (SELECT count(*) FROM bench_faellig b JOIN faelle f ON f.id = b.id
           WHERE f.anonymisiert_am IS NOT NULL OR md5(f::text) <> b.zeile
              OR (SELECT md5(k::text) FROM klienten k WHERE k.id = b.klient_id) IS DISTINCT FROM b.klient
              OR {string.Join(" OR ", Kinder.Select(t => $"(SELECT count(*) FROM {t} x WHERE x.fall_id = b.id) <> b.{t}"))}
              OR (SELECT md5(string_agg(e::text, '|' ORDER BY e.nr)) FROM fall_ereignisse e WHERE e.fall_id = b.id) IS DISTINCT FROM b.ereignisse)
          -- gone: nothing of it left, the client gone with their only Fall
          + (SELECT count(*) FROM bench_faellig b WHERE NOT EXISTS (SELECT 1 FROM faelle f WHERE f.id = b.id)
             AND ({string.Join(" OR ", Kinder.Select(t => $"EXISTS (SELECT 1 FROM {t} x WHERE x.fall_id = b.id)"))}
                  OR EXISTS (SELECT 1 FROM themen t WHERE t.fall_id = b.id)
                  OR (b.klient_allein AND EXISTS (SELECT 1 FROM klienten k WHERE k.id = b.klient_id))))
          -- the anonymised rows: as many as erased Fälle, each with its own events, together the events of the erased Fälle
          + abs((SELECT count(*) FROM faelle WHERE anonymisiert_am IS NOT NULL)
                - (SELECT count(*) FROM bench_faellig b WHERE NOT EXISTS (SELECT 1 FROM faelle f WHERE f.id = b.id)))
          + (SELECT count(*) FROM faelle f WHERE f.anonymisiert_am IS NOT NULL
             AND f.ereignis_anzahl <> (SELECT count(*) FROM fall_ereignisse e WHERE e.fall_id = f.id))
          + abs((SELECT count(*) FROM fall_ereignisse e JOIN faelle f ON f.id = e.fall_id WHERE f.anonymisiert_am IS NOT NULL)
                - (SELECT coalesce(sum(b.fall_ereignisse), 0) FROM bench_faellig b WHERE NOT EXISTS (SELECT 1 FROM faelle f WHERE f.id = b.id)))
        """);

    private static async Task<(long Anzahl, double Sekunden)> LaufDauerAsync(string verbindung)
    {
        await using var v = new NpgsqlConnection(verbindung);
        await v.OpenAsync();
        await using var b = new NpgsqlCommand(
            "SELECT sum(anonymisiert)::bigint, sum(extract(epoch FROM beendet_am - gestartet_am))::float8 FROM loeschlaeufe WHERE NOT probelauf AND beendet_am IS NOT NULL", v);
        await using var r = await b.ExecuteReaderAsync();
        await r.ReadAsync();
        return (r.GetInt64(0), r.GetDouble(1));
    }

    /// <summary>The <c>loeschlauf</c> command with the 30-day period, its output drained (it is killed, never read to the end).</summary>
    private static Process Starten(string app, string owner)
    {
        var p = AppProzess.KommandoStarten(app, owner, Frist, "loeschlauf");
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    private static async Task SqlAsync(string verbindung, string sql)
    {
        await using var v = new NpgsqlConnection(verbindung);
        await v.OpenAsync();
        await using var b = new NpgsqlCommand(sql, v) { CommandTimeout = 600 };
        await b.ExecuteNonQueryAsync();
    }

    private static async Task<long> ZahlAsync(string verbindung, string sql)
    {
        await using var v = new NpgsqlConnection(verbindung);
        await v.OpenAsync();
        await using var b = new NpgsqlCommand(sql, v) { CommandTimeout = 600 };
        return Convert.ToInt64(await b.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
