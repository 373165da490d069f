using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kim.Casemanagement.Benchmarks.Umgebung;
using Kim.Casemanagement.Testing;

namespace Kim.Casemanagement.Benchmarks.Benachrichtigungen;

/// <summary>
/// QUALITY.md target 3 and 6: 1,000 connected clients (official JavaScript client, WebSockets over TLS), transitions at
/// a steady rate through the whole stack, each notifying one connected deputy. Reports commit-to-client p50/p95/p99,
/// notices lost by clients that stayed connected, catch-up completeness of clients forced to reconnect, and the app's
/// peak resident memory. Exit code 1 when a target is missed.
/// </summary>
internal static class BenachrichtigungsBenchmark
{
    private const int AufwaermSekunden = 20;

    /// <param name="nginxInstanzen">0: one instance, clients straight to it (TLS by Kestrel). 2 or more: that many
    /// instances (plain HTTP on loopback) behind Debian's nginx with the shipped site file (infra/nginx, TLS there);
    /// clients and the measured steps go through nginx, round robin (ADR 0012).</param>
    public static async Task<int> AusfuehrenAsync(int anzahlClients, int rate, int dauerSekunden, int nginxInstanzen = 0)
    {
        var ueberNginx = nginxInstanzen > 0;
        Console.WriteLine($"== Benachrichtigungen: {anzahlClients} Clients, {rate} Übergänge/s, {dauerSekunden} s{(ueberNginx ? $", {nginxInstanzen} Instanzen hinter nginx" : string.Empty)}");
        var cluster = await PostgresTestCluster.GetAsync();
        await using var datenbank = await cluster.CreateDatabaseAsync("bench_benachrichtigung");
        var instanzen = new List<AppProzess>();
        NginxProxy? nginx = null;
        try
        {
            // Several instances share PostgreSQL's max_connections (200 in the test cluster, as in infra/postgresql/kim.conf).
            // An instance opens up to twice its "Maximum Pool Size" (two pools: EF Core's and the direct one,
            // Persistence/Datenbank.cs) plus 4 for the erasure job: with Npgsql's default of 100, and with 80 and 60, the
            // first runs ended in "53300: remaining connection slots are reserved" when 1,000 clients asked for their
            // inbox at once. 2 × 2 × 40 + 8 leaves room for the driver and the reserved slots (docs/betrieb.md).
            var verbindung = ueberNginx ? $"{datenbank.AppConnectionString};Maximum Pool Size={80 / nginxInstanzen}" : datenbank.AppConnectionString;
            for (var i = 0; i < Math.Max(1, nginxInstanzen); i++)
            {
                instanzen.Add(await AppProzess.StartenAsync(verbindung, datenbank.OwnerConnectionString, tls: !ueberNginx));
            }

            if (ueberNginx)
            {
                nginx = await NginxProxy.StartenAsync([.. instanzen.Select(a => a.Port)]);
            }

            return await MessenAsync(datenbank, instanzen, nginx, anzahlClients, rate, dauerSekunden);
        }
        finally
        {
            if (nginx is not null)
            {
                await nginx.DisposeAsync();
            }

            foreach (var a in instanzen)
            {
                await a.DisposeAsync();
            }
        }
    }

    private static async Task<int> MessenAsync(TestDatabase datenbank, List<AppProzess> instanzen, NginxProxy? nginx, int anzahlClients, int rate, int dauerSekunden)
    {
        var app = instanzen[0];
        var vorbereitung = Stopwatch.StartNew();

        var admin = await Zugaenge.AdministrationAsync(app, datenbank.AppConnectionString, datenbank.OwnerConnectionString);
        using var adminClient = Zugaenge.Client(app, admin);
        var team = await Zugaenge.TeamAsync(adminClient, "Bench");
        var fuehrung = (await Zugaenge.FallmanagementAnlegenAsync(app, adminClient, datenbank.OwnerConnectionString, team, "fm.fuehrung.", 1))[0];
        var vertretungen = await Zugaenge.FallmanagementAnlegenAsync(app, adminClient, datenbank.OwnerConnectionString, team, "fm.bench.", anzahlClients);
        Console.WriteLine($"   {anzahlClients + 2} Konten angelegt und angemeldet ({vorbereitung.Elapsed.TotalSeconds:F0} s)");

        // One Fall per client, led by the driver; the client's account deputises on it, so each step notifies exactly it.
        using var fm = Zugaenge.Client(app, fuehrung);
        using var fmUeberNginx = nginx is null ? null : NginxClient(nginx, fuehrung.Token);
        var heute = Zugaenge.Heute;
        var faelle = await Zugaenge.FaelleMitVertretungAsync(fm, vertretungen, heute, parallel: 16);
        Console.WriteLine($"   {anzahlClients} Fälle mit Vertretung angelegt ({vorbereitung.Elapsed.TotalSeconds:F0} s)");

        // Warm-up of the step path (JIT tiering, prepared statements) at the same rate, on other Fälle whose deputies
        // are not connected: their notices stay in those inboxes and reach none of the measured clients.
        var aufwaermFaelle = await Zugaenge.FaelleMitVertretungAsync(fm, await Zugaenge.FallmanagementAnlegenAsync(app, adminClient, datenbank.OwnerConnectionString, team, "fm.warm.", 64, anmelden: false), heute, versatz: anzahlClients, parallel: 16);
        var aufwaermen = await SchritteAsync(fm, aufwaermFaelle, rate, AufwaermSekunden);
        Console.WriteLine($"   Aufwärmen: {aufwaermen.Erfolgreich} Schritte in {AufwaermSekunden} s (p99 {aufwaermen.P99:F0} ms)");

        // The driver's own pooled connections (account set-up as owner) are not needed from here on: they would hold
        // connection slots the instances need.
        Npgsql.NpgsqlConnection.ClearAllPools();
        var konfiguration = Path.Combine(Path.GetTempPath(), $"kim-bench-clients-{Environment.ProcessId}.json");
        await File.WriteAllTextAsync(konfiguration, new JsonObject
        {
            ["url"] = (nginx?.Adresse ?? app.Adresse).ToString().TrimEnd('/'),
            ["clients"] = new JsonArray([.. vertretungen.Select(v => (JsonNode)new JsonObject { ["id"] = v.Benutzername, ["token"] = v.Token })]),
            ["reconnect"] = new JsonObject { ["anteil"] = 0.1, ["pauseMs"] = 2000 },
        }.ToJsonString());
        await using var last = await NodeLast.StartenAsync(konfiguration, nginx?.ZertifikatPem ?? app.ZertifikatPem);
        var verbunden = await last.WartenAufAsync("verbunden", TimeSpan.FromMinutes(5));
        File.Delete(konfiguration);
        Console.WriteLine($"   {verbunden["anzahl"]} Clients verbunden in {verbunden["ms"]} ms; RSS der Anwendung {string.Join(" / ", instanzen.Select(a => $"{a.RssMiB:F0}"))} MiB");

        instanzen.ForEach(a => a.SpitzeZuruecksetzen());
        var lastVorher = Systemlast();
        await last.SendenAsync(new JsonObject { ["cmd"] = "start", ["dauerMs"] = dauerSekunden * 1000 });
        var schritte = await SchritteAsync(fmUeberNginx ?? fm, faelle, rate, dauerSekunden);
        await last.SendenAsync(new JsonObject { ["cmd"] = "ende", ["fristMs"] = 20000 });
        var ergebnis = await last.WartenAufAsync("ergebnis", TimeSpan.FromMinutes(3));
        var rss = instanzen.Max(a => a.SpitzeRssMiB);
        var lastNachher = Systemlast();
        var verbindungenJeInstanz = nginx is null ? null : string.Join(" / ", nginx.Zugriffe().Where(z => z.StartsWith("GET /hubs/benachrichtigungen ", StringComparison.Ordinal))
            .GroupBy(z => z[(z.LastIndexOf(' ') + 1)..]).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Count().ToString(CultureInfo.InvariantCulture)));

        var latenz = ergebnis["latenzMs"]!;
        double Ms(string p) => latenz[p]?.GetValue<double>() ?? double.NaN;
        var erwartetGetrennte = ergebnis["erwartetGetrennte"]!.GetValue<long>();
        var vollstaendig = erwartetGetrennte == 0 ? 1.0 : (double)ergebnis["erhaltenGetrennte"]!.GetValue<long>() / erwartetGetrennte;
        var verloren = ergebnis["verlorenLive"]!.GetValue<long>() + ergebnis["fehlendNachNachholen"]!.GetValue<long>();
        var zeilen = new (string Was, string Wert, string Ziel, bool Ok)[]
        {
            ("Übergänge gesendet / erfolgreich / Fehler", $"{schritte.Gesendet} / {schritte.Erfolgreich} / {schritte.Fehler}", "Fehler = 0", schritte.Fehler == 0),
            ("Übergang (HTTP) p50 / p99", $"{schritte.P50:F1} / {schritte.P99:F1} ms", "–", true),
            ("Benachrichtigungen erwartet / übergeben", $"{ergebnis["erwartet"]} / {ergebnis["uebergeben"]}", "gleich", ergebnis["erwartet"]!.GetValue<long>() == ergebnis["uebergeben"]!.GetValue<long>()),
            ("Commit bis Client p50 / p95 / p99", $"{Ms("p50"):F1} / {Ms("p95"):F1} / {Ms("p99"):F1} ms", "p99 < 250 ms", Ms("p99") < 250),
            ("Commit bis Client max", $"{Ms("max"):F1} ms", "–", true),
            ("Verzögerung der Ereignisschleife des Node-Clients p99 / max", $"{ergebnis["schleifeMs"]!["p99"]!.GetValue<double>():F1} / {ergebnis["schleifeMs"]!["max"]!.GetValue<double>():F1} ms", "–", true),
            ("Verloren (verbunden gebliebene Clients)", $"{verloren}", "0", verloren == 0),
            ("Erzwungene Neuverbindungen: Clients / nachgeholt", $"{ergebnis["getrennteClients"]} / {ergebnis["nachgeholt"]}", "–", true),
            ("Nachholen vollständig", $"{vollstaendig:P1}", "100 %", vollstaendig >= 1.0),
            ("RSS der Anwendung (Spitze unter Last)" + (nginx is null ? string.Empty : ", höchste Instanz"), $"{rss:F0} MiB", "< 600 MiB", rss < 600),
            ("Last der Maschine (loadavg, 1 min) vor / nach der Messung", $"{lastVorher} / {lastNachher}", "Info", true),
        };
        if (verbindungenJeInstanz is not null)
        {
            // The access log writes a WebSocket's line when it closes: the forced reconnects (and any closed at the end).
            zeilen = [.. zeilen, ("Geschlossene Hub-Verbindungen je Instanz (nginx-Protokoll)", verbindungenJeInstanz, "–", true)];
        }

        var name = nginx is null ? "benachrichtigungen" : "benachrichtigungen-nginx";
        Bericht.Ausgeben(name, zeilen, new JsonObject
        {
            ["clients"] = anzahlClients,
            ["rate"] = rate,
            ["dauerSekunden"] = dauerSekunden,
            ["schritte"] = JsonSerializer.SerializeToNode(schritte),
            ["ergebnis"] = ergebnis.DeepClone(),
            ["rssSpitzeMiB"] = rss,
            ["nginxInstanzen"] = nginx is null ? 0 : instanzen.Count,
        },
        nginx is null ? "Notifications: 1,000 connected clients (QUALITY.md targets 3, 6)" : $"Notifications through nginx, {instanzen.Count} instances (issue 18, ADR 0012)",
        $"./scripts/bench.sh benachrichtigungen --clients {anzahlClients} --rate {rate} --dauer {dauerSekunden}" + (nginx is null ? string.Empty : $" --nginx {instanzen.Count}"),
        (nginx is null ? string.Empty : $"{instanzen.Count} app instances (plain HTTP on loopback) on one PostgreSQL behind Debian's nginx with the shipped site `infra/nginx/kim-casemanagement.conf` (TLS at nginx, round robin, no affinity); clients and the measured steps go through nginx, so most notices are committed on one instance and pushed by another (cross-instance wake-up, ADR 0001); each instance's pools capped with `Maximum Pool Size={80 / instanzen.Count}` (docs/betrieb.md). ") +
        $"{anzahlClients} clients of the official `@microsoft/signalr` JavaScript client (Node, WebSockets over TLS, each with the product's inbox logic `ClientApp/posteingang.js`), each the deputy on its own Fall; {rate} transitions/s for {dauerSekunden} s through the HTTP API, each notifying one client, after a {AufwaermSekunden} s warm-up at the same rate on other Fälle (deputies not connected). Commit-to-client: from the notice's timestamp (set inside the writing transaction, before COMMIT) to its arrival at the client, same machine clock. 10 % of the clients are forced to disconnect for 2 s at random moments and catch up from their last confirmed seq.");
        return zeilen.All(z => z.Ok) ? 0 : 1;
    }

    /// <summary>The 1-minute load average (other work on the machine shows here; the measurement shares its cores).</summary>
    private static string Systemlast() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    /// <summary>An HTTP client to nginx (trusting its test certificate) with the account's bearer token.</summary>
    private static HttpClient NginxClient(NginxProxy nginx, string token)
    {
        var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 64,
            SslOptions = new System.Net.Security.SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, cert, _, _) => cert is not null && cert.GetCertHashString() == nginx.Zertifikat.GetCertHashString(),
            },
        })
        {
            BaseAddress = nginx.Adresse,
            Timeout = TimeSpan.FromSeconds(60),
        };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    internal sealed record SchrittMessung(int Gesendet, int Erfolgreich, int Fehler, double P50, double P99);

    /// <summary>Open loop: one step every 1/rate seconds, at most 64 in flight; Fall i alternates between two benefit states.</summary>
    private static async Task<SchrittMessung> SchritteAsync(HttpClient fm, Guid[] faelle, int rate, int dauerSekunden)
    {
        var gesamt = rate * dauerSekunden;
        var zaehler = new int[faelle.Length];
        var dauern = new double[gesamt];
        var fehler = 0;
        var begrenzung = new SemaphoreSlim(64);
        var laufend = new List<Task>(gesamt);
        var uhr = Stopwatch.StartNew();
        var tag = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        for (var k = 0; k < gesamt; k++)
        {
            var soll = TimeSpan.FromSeconds((double)k / rate);
            if (soll > uhr.Elapsed)
            {
                await Task.Delay(soll - uhr.Elapsed);
            }

            await begrenzung.WaitAsync();
            var fall = k % faelle.Length;
            var trigger = zaehler[fall]++ % 2 == 0 ? "AsylbLGBewilligen" : "LeistungsbezugBeenden";
            var index = k;
            laufend.Add(Task.Run(async () =>
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var antwort = await fm.PostAsJsonAsync($"/api/faelle/{faelle[fall]}/schritte", new { spur = "Leistungen", trigger, fachlichesDatum = tag });
                    if (!antwort.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref fehler);
                        Console.Error.WriteLine($"   Schritt {(int)antwort.StatusCode}: {await antwort.Content.ReadAsStringAsync()}");
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref fehler);
                }
                finally
                {
                    dauern[index] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    begrenzung.Release();
                }
            }));
        }

        await Task.WhenAll(laufend);
        Array.Sort(dauern);
        return new SchrittMessung(gesamt, gesamt - fehler, fehler, Bericht.Perzentil(dauern, 50), Bericht.Perzentil(dauern, 99));
    }
}
