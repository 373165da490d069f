using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kim.Casemanagement.Benchmarks.Umgebung;
using Kim.Casemanagement.Testing;
using Npgsql;

namespace Kim.Casemanagement.Benchmarks.Stoerungen;

/// <summary>
/// QUALITY.md §Reliability: transitions under load while the app is killed with SIGKILL (20 ×) and PostgreSQL is
/// stopped immediately (5 ×). Every write carries an Idempotency-Key; a client that gets no answer sends the same request
/// again until it gets a definite one. Afterwards: every acknowledged write is present exactly once, no Fall is
/// half-updated (state, version, event counter, events and notifications agree), and after the last restart the
/// deputies' inboxes are complete and readable (time from process start).
/// </summary>
internal static class StoerungsTest
{
    public static async Task<int> AusfuehrenAsync(int abbrueche, int datenbankStopps, int clients)
    {
        Console.WriteLine($"== Störungen: {abbrueche} × kill -9 der Anwendung, {datenbankStopps} × PostgreSQL sofort gestoppt, {clients} Clients");
        var cluster = await PostgresTestCluster.GetAsync();
        await using var datenbank = await cluster.CreateDatabaseAsync("bench_stoerungen");
        var port = AppProzess.FreierPort();
        AppProzess? app = await AppProzess.StartenAsync(datenbank.AppConnectionString, datenbank.OwnerConnectionString, tls: false, festerPort: port);
        try
        {
            var admin = await Zugaenge.AdministrationAsync(app, datenbank.AppConnectionString, datenbank.OwnerConnectionString);
            using var adminClient = Zugaenge.Client(app, admin);
            var team = await Zugaenge.TeamAsync(adminClient, "Stoerung");
            var fuehrung = (await Zugaenge.FallmanagementAnlegenAsync(app, adminClient, datenbank.OwnerConnectionString, team, "fm.stoerung.", 1))[0];
            var vertretungen = await Zugaenge.FallmanagementAnlegenAsync(app, adminClient, datenbank.OwnerConnectionString, team, "fm.vertretung.", clients);
            var heute = Zugaenge.Heute;
            using var fm = Zugaenge.Client(app, fuehrung);
            var faelle = await Zugaenge.FaelleMitVertretungAsync(fm, vertretungen, heute, parallel: 1);

            var ausgangsVersion = await VersionenAsync(datenbank.SuperuserConnectionString, faelle);

            // Load: each worker owns one Fall and alternates two benefit steps; it retries a request with the same key
            // until the answer is definite.
            var bestaetigt = new ConcurrentBag<(int Fall, string Schluessel)>();
            var wiederholungen = 0;
            var ende = new CancellationTokenSource();
            var tag = heute.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var arbeiter = Enumerable.Range(0, clients).Select(w => Task.Run(async () =>
            {
                using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(30) }) { BaseAddress = app.Adresse, Timeout = TimeSpan.FromSeconds(10) };
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fuehrung.Token);
                for (var i = 0; !ende.IsCancellationRequested; i++)
                {
                    var schluessel = $"w{w}-s{i}";
                    var trigger = i % 2 == 0 ? "AsylbLGBewilligen" : "LeistungsbezugBeenden";
                    var versuch = 0;
                    while (true)
                    {
                        versuch++;
                        var ergebnis = await SendenAsync(client, faelle[w], trigger, tag, schluessel);
                        if (ergebnis == Ausgang.Bestaetigt)
                        {
                            bestaetigt.Add((w, schluessel));
                            break;
                        }

                        if (ergebnis == Ausgang.Abgelehnt)
                        {
                            throw new InvalidOperationException($"Schritt {schluessel} endgültig abgelehnt.");
                        }

                        Interlocked.Increment(ref wiederholungen);
                        await Task.Delay(100);
                    }
                }
            })).ToArray();

            // Faults: kill -9 every ~2 s (restart at once), PostgreSQL immediate stop spread in between.
            var neustarts = new List<double>();
            var stoppAn = Enumerable.Range(1, datenbankStopps).Select(k => k * abbrueche / (datenbankStopps + 1)).ToHashSet();
            var zufall = new Random(4711);
            for (var k = 0; k < abbrueche; k++)
            {
                await Task.Delay(1500 + zufall.Next(1000));
                if (stoppAn.Contains(k))
                {
                    await cluster.Server.StopAsync(immediate: true);
                    await Task.Delay(1000);
                    await cluster.Server.StartAsync();
                    NpgsqlConnection.ClearAllPools();
                    Console.WriteLine($"   PostgreSQL sofort gestoppt und neu gestartet ({stoppAn.Count(s => s <= k)}/{datenbankStopps})");
                    await Task.Delay(1500);
                }

                app.Toeten();
                await app.DisposeAsync();
                var uhr = Stopwatch.StartNew();
                app = await AppProzess.StartenAsync(datenbank.AppConnectionString, datenbank.OwnerConnectionString, tls: false, festerPort: port);
                neustarts.Add(uhr.Elapsed.TotalSeconds);
                Console.WriteLine($"   kill -9 {k + 1}/{abbrueche}; bereit nach {uhr.Elapsed.TotalSeconds:F1} s; bestätigt bisher {bestaetigt.Count}");
            }

            await Task.Delay(2000);
            await ende.CancelAsync();
            await Task.WhenAll(arbeiter);
            foreach (var (antwort, anzahl) in Unklare.OrderByDescending(u => u.Value).Take(5))
            {
                Console.WriteLine($"   Antwort ohne eindeutiges Ergebnis ({anzahl} ×): {antwort}");
            }

            // The last kill: the inboxes must be complete right after the restart.
            app.Toeten();
            await app.DisposeAsync();
            var start = Stopwatch.StartNew();
            app = await AppProzess.StartenAsync(datenbank.AppConnectionString, datenbank.OwnerConnectionString, tls: false, festerPort: port);
            var (vollstaendig, fehlend) = await PosteingaengeAsync(app, vertretungen, datenbank.SuperuserConnectionString);
            var abrufbar = start.Elapsed.TotalSeconds;

            var pruefung = await PruefenAsync(datenbank.SuperuserConnectionString, faelle, ausgangsVersion, bestaetigt.ToList());
            var zeilen = new (string Was, string Wert, string Ziel, bool Ok)[]
            {
                ("Störungen: kill -9 / PostgreSQL sofort gestoppt", $"{abbrueche} / {datenbankStopps}", "20 / 5", abbrueche >= 20 && datenbankStopps >= 5),
                ("Bestätigte Schreibvorgänge (2xx) / Wiederholungen", $"{bestaetigt.Count} / {wiederholungen}", "–", !bestaetigt.IsEmpty),
                ("Bestätigt, aber nicht gespeichert", $"{pruefung.Verloren}", "0", pruefung.Verloren == 0),
                ("Doppelt gespeichert", $"{pruefung.Doppelt}", "0", pruefung.Doppelt == 0),
                ("Halb aktualisierte Fälle", $"{pruefung.Halb}", "0", pruefung.Halb == 0),
                ("Neustart bis bereit (Median / max)", $"{Median(neustarts):F1} / {neustarts.Max():F1} s", "–", true),
                ("Posteingänge nach letztem Neustart vollständig (fehlend)", $"{(vollstaendig ? "ja" : "nein")} ({fehlend})", "0 fehlend", vollstaendig),
                ("Start bis Posteingänge vollständig abrufbar", $"{abrufbar:F1} s", "< 10 s", abrufbar < 10),
            };
            Bericht.Ausgeben("stoerungen", zeilen, new JsonObject
            {
                ["abbrueche"] = abbrueche,
                ["datenbankStopps"] = datenbankStopps,
                ["clients"] = clients,
                ["bestaetigt"] = bestaetigt.Count,
                ["wiederholungen"] = wiederholungen,
                ["verloren"] = pruefung.Verloren,
                ["doppelt"] = pruefung.Doppelt,
                ["halb"] = pruefung.Halb,
                ["neustartSekunden"] = new JsonArray([.. neustarts.Select(n => (JsonNode)n)]),
                ["posteingaengeAbrufbarSekunden"] = abrufbar,
            },
            "Fault test: kill -9 and PostgreSQL immediate stop under load (QUALITY.md §Reliability)",
            $"./scripts/bench.sh stoerungen --abbrueche {abbrueche} --stopps {datenbankStopps} --clients {clients}",
            $"{clients} clients send transitions (each on its own Fall, each step notifies that Fall's deputy) with an `Idempotency-Key`; a request without a definite answer is sent again with the same key. The app is killed with SIGKILL about every 2 s and restarted at once; PostgreSQL is stopped with `pg_ctl stop -m immediate` and restarted in between. Checks afterwards, directly in the database: every write that got a 2xx (or a replay) has its key and exactly one event; per Fall, keys = new events = new notifications for the deputy, event counter = events, version = start + writes, and the benefit state equals the last event's target state. The notices are written in the change's transaction, so there is no separate outbox to drain: after the last kill, the time from process start until every deputy's inbox is complete over the API is shown.");
            return zeilen.All(z => z.Ok) ? 0 : 1;
        }
        finally
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
        }
    }

    /// <summary>Answers without a definite outcome, by status and text (printed at the end).</summary>
    private static readonly ConcurrentDictionary<string, int> Unklare = new();

    private enum Ausgang
    {
        Bestaetigt,
        Unklar,
        Abgelehnt,
    }

    private static async Task<Ausgang> SendenAsync(HttpClient client, Guid fall, string trigger, string tag, string schluessel)
    {
        try
        {
            using var anfrage = new HttpRequestMessage(HttpMethod.Post, $"/api/faelle/{fall}/schritte") { Content = JsonContent.Create(new { spur = "Leistungen", trigger, fachlichesDatum = tag }) };
            anfrage.Headers.Add("Idempotency-Key", schluessel);
            using var antwort = await client.SendAsync(anfrage);
            var text = await antwort.Content.ReadAsStringAsync();
            if (antwort.IsSuccessStatusCode)
            {
                return Ausgang.Bestaetigt;
            }

            // Committed before the process died, answer not stored: the change exists.
            if (antwort.StatusCode == HttpStatusCode.Conflict && text.Contains("Bereits ausgeführt", StringComparison.Ordinal))
            {
                return Ausgang.Bestaetigt;
            }

            if (antwort.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.UnprocessableEntity)
            {
                Console.Error.WriteLine($"   {schluessel}: {(int)antwort.StatusCode} {text}");
                return Ausgang.Abgelehnt;
            }

            Unklare.AddOrUpdate($"{(int)antwort.StatusCode} {(text.Length > 120 ? text[..120] : text)}", 1, (_, n) => n + 1);
            return Ausgang.Unklar;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return Ausgang.Unklar;
        }
    }

    private static async Task<Dictionary<Guid, (int Version, int Ereignisse)>> VersionenAsync(string cs, Guid[] faelle)
    {
        await using var v = new NpgsqlConnection(cs);
        await v.OpenAsync();
        await using var b = new NpgsqlCommand("SELECT id, version, ereignis_anzahl FROM faelle WHERE id = ANY($1)", v);
        b.Parameters.Add(new NpgsqlParameter { Value = faelle });
        await using var r = await b.ExecuteReaderAsync();
        var d = new Dictionary<Guid, (int, int)>();
        while (await r.ReadAsync())
        {
            d[r.GetGuid(0)] = (r.GetInt32(1), r.GetInt32(2));
        }

        return d;
    }

    private sealed record Pruefung(int Verloren, int Doppelt, int Halb);

    private static async Task<Pruefung> PruefenAsync(string cs, Guid[] faelle, Dictionary<Guid, (int Version, int Ereignisse)> ausgang, List<(int Fall, string Schluessel)> bestaetigt)
    {
        await using var v = new NpgsqlConnection(cs);
        await v.OpenAsync();
        var gespeicherteSchluessel = new HashSet<string>();
        await using (var b = new NpgsqlCommand("SELECT schluessel FROM idempotenz", v))
        await using (var r = await b.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                gespeicherteSchluessel.Add(r.GetString(0));
            }
        }

        var verloren = bestaetigt.Count(x => !gespeicherteSchluessel.Contains(x.Schluessel));
        var doppelt = 0;
        var halb = 0;
        await using (var b = new NpgsqlCommand(
            """
            SELECT f.id, f.version, f.ereignis_anzahl, f.leistungen_zustand,
              (SELECT count(*) FROM fall_ereignisse e WHERE e.fall_id = f.id) AS ereignisse,
              (SELECT count(*) FROM fall_ereignisse e WHERE e.fall_id = f.id AND e.spur = 'Leistungen' AND e.nr > s.start) AS leistungsereignisse,
              (SELECT e.nach_zustand FROM fall_ereignisse e WHERE e.fall_id = f.id AND e.spur = 'Leistungen' ORDER BY e.nr DESC LIMIT 1) AS letzter,
              (SELECT count(*) FROM idempotenz i WHERE i.fall_id = f.id) AS schluessel,
              (SELECT count(*) FROM benachrichtigungen n WHERE n.fall_id = f.id AND n.art = 'Schritt') AS meldungen
            FROM faelle f JOIN unnest($1::uuid[], $2::int[]) AS s(id, start) ON s.id = f.id
            """,
            v))
        {
            b.Parameters.Add(new NpgsqlParameter { Value = faelle });
            b.Parameters.Add(new NpgsqlParameter { Value = faelle.Select(f => ausgang[f].Ereignisse).ToArray() });
            await using var r = await b.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                var id = r.GetGuid(0);
                var version = r.GetInt32(1);
                var zaehler = r.GetInt32(2);
                var zustand = r.GetString(3);
                var ereignisse = r.GetInt64(4);
                var leistungsereignisse = r.GetInt64(5);
                var letzter = r.IsDBNull(6) ? "KeinLeistungsbezug" : r.GetString(6);
                var schluessel = r.GetInt64(7);
                var meldungen = r.GetInt64(8);
                if (leistungsereignisse > schluessel)
                {
                    doppelt += (int)(leistungsereignisse - schluessel);
                }

                var ok = zaehler == ereignisse && version - ausgang[id].Version == schluessel && leistungsereignisse == schluessel && meldungen == schluessel && zustand == letzter;
                if (!ok)
                {
                    halb++;
                    Console.Error.WriteLine($"   Fall {id}: Version {version} (Start {ausgang[id].Version}), Zähler {zaehler}, Ereignisse {ereignisse}, Leistungen {leistungsereignisse}, Schlüssel {schluessel}, Meldungen {meldungen}, Zustand {zustand}/{letzter}");
                }
            }
        }

        return new Pruefung(verloren, doppelt, halb);
    }

    /// <summary>Every deputy reads its whole inbox over the API; complete when each has one notice per stored step plus the deputy notice.</summary>
    private static async Task<(bool Vollstaendig, long Fehlend)> PosteingaengeAsync(AppProzess app, List<Zugang> vertretungen, string cs)
    {
        await using var v = new NpgsqlConnection(cs);
        await v.OpenAsync();
        long fehlend = 0;
        foreach (var zugang in vertretungen)
        {
            await using var b = new NpgsqlCommand("SELECT count(*) FROM benachrichtigungen WHERE empfaenger_id = $1", v);
            b.Parameters.Add(new NpgsqlParameter { Value = zugang.Id });
            var soll = (long)(await b.ExecuteScalarAsync())!;
            using var client = Zugaenge.Client(app, zugang);
            long gelesen = 0, nach = 0;
            while (true)
            {
                var seite = (await Zugaenge.LesenAsync(await client.GetAsync($"/api/benachrichtigungen?nachSeq={nach}&anzahl=500"))).AsArray();
                if (seite.Count == 0)
                {
                    break;
                }

                gelesen += seite.Count;
                nach = seite[^1]!["seq"]!.GetValue<long>();
            }

            fehlend += Math.Max(0, soll - gelesen);
        }

        return (fehlend == 0, fehlend);
    }

    private static double Median(List<double> werte)
    {
        var s = werte.Order().ToArray();
        return s.Length == 0 ? double.NaN : s[s.Length / 2];
    }
}
