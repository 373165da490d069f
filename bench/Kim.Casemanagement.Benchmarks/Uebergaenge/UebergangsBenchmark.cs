using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kim.Casemanagement.Benchmarks.Umgebung;
using Kim.Casemanagement.Testing;
using Npgsql;
using NpgsqlTypes;

namespace Kim.Casemanagement.Benchmarks.Uebergaenge;

/// <summary>
/// QUALITY.md targets 1, 2 and 6, in one run on one database:
/// <list type="bullet">
/// <item>Transition: authenticated POST of a step through the whole app (session, authorisation, state machine, event +
/// audit + notification rows in one transaction, synchronous_commit on) against a raw-Npgsql program doing the same
/// writes in one transaction (one batched round trip plus COMMIT), each with 32 concurrent clients on their own Fälle.
/// Phases alternate (raw, app, raw, app) so drift hits both sides alike.</item>
/// <item>Case read: authorised GET of one Fall (tracks, permitted and blocked steps, read audit) against a bare
/// Kestrel endpoint reading one row with raw Npgsql, both over HTTP on loopback.</item>
/// <item>The app's peak resident memory under this load.</item>
/// </list>
/// The app listens on plain HTTP on loopback, as in production behind nginx (TLS ends at nginx, see infra/).
/// </summary>
internal static class UebergangsBenchmark
{
    private static readonly TimeSpan Aufwaermen = TimeSpan.FromSeconds(20);

    /// <summary>More Fälle than the row cache (2,000 by default) and the read-model cache (1,000) hold.</summary>
    private const int KalteFaelle = 2500;

    public static async Task<int> AusfuehrenAsync(int clients, int sekundenProPhase)
    {
        Console.WriteLine($"== Übergänge und Fall lesen: {clients} gleichzeitige Clients, 2 × {sekundenProPhase} s je Seite");
        var cluster = await PostgresTestCluster.GetAsync();
        CpuZeit.Postmaster = CpuZeit.PostmasterVon(cluster.Server.ClusterDirectory);
        await using var datenbank = await cluster.CreateDatabaseAsync("bench_uebergaenge");
        // The Lenkungsgruppe's stored report is recomputed in the background once the data changed and the last one is
        // 15 minutes old (ADR 0002): over the events this benchmark writes that is seconds of PostgreSQL time, landing in a
        // random phase of a run that is shorter than the interval. It is not part of a transition or a read, so it is off here.
        await using var app = await AppProzess.StartenAsync(
            datenbank.AppConnectionString, datenbank.OwnerConnectionString, new Dictionary<string, string> { ["Analysen__StandAktualisieren"] = "false" }, tls: false);

        var admin = await Zugaenge.AdministrationAsync(app, datenbank.AppConnectionString, datenbank.OwnerConnectionString);
        using var adminClient = Zugaenge.Client(app, admin);
        var team = await Zugaenge.TeamAsync(adminClient, "Bench");
        var fuehrung = (await Zugaenge.FallmanagementAnlegenAsync(app, adminClient, datenbank.OwnerConnectionString, team, "fm.fuehrung.", 1))[0];
        var vertretungen = await Zugaenge.FallmanagementAnlegenAsync(app, adminClient, datenbank.OwnerConnectionString, team, "fm.vertretung.", 2 * clients, anmelden: false);
        using var fm = Zugaenge.Client(app, fuehrung, verbindungen: clients * 2);

        // 2 × clients Fälle, each with its own deputy (so each step writes one notification, and no two clients share a
        // counter row): the first half for the app, the second for the raw program.
        var heute = Zugaenge.Heute;
        var faelle = await Zugaenge.FaelleMitVertretungAsync(fm, vertretungen, heute);
        var appFaelle = faelle[..clients];
        var rohFaelle = await RohFall.LadenAsync(datenbank.AppConnectionString, faelle[clients..], [.. vertretungen.Skip(clients).Select(v => v.Id)]);
        var tag = heute.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var dauer = TimeSpan.FromSeconds(sekundenProPhase);

        var zaehler = new int[clients];
        Task<bool> AppSchritt(int w, int i) => Ok(fm.PostAsJsonAsync($"/api/faelle/{appFaelle[w]}/schritte",
            new { spur = "Leistungen", trigger = zaehler[w]++ % 2 == 0 ? "AsylbLGBewilligen" : "LeistungsbezugBeenden", fachlichesDatum = tag }));

        await using var quelle = new NpgsqlDataSourceBuilder(datenbank.AppConnectionString) { ConnectionStringBuilder = { MaxPoolSize = clients + 8 } }.Build();
        Task<bool> RohSchritt(int w, int i) => rohFaelle[w].SchrittAsync(quelle, fuehrung.Id, heute);

        // For comparison (info): the raw program with Npgsql's automatic preparation, as the app's pool has it.
        await using var quelleVorbereitet = new NpgsqlDataSourceBuilder(datenbank.AppConnectionString)
        {
            ConnectionStringBuilder = { MaxPoolSize = clients + 8, MaxAutoPrepare = 16, AutoPrepareMinUsages = 2 },
        }.Build();
        Task<bool> RohSchrittVorbereitet(int w, int i) => rohFaelle[w].SchrittAsync(quelleVorbereitet, fuehrung.Id, heute);

        var (xactSchritt, xactLesen) = await TransaktionenJeAnfrageAsync(datenbank.OwnerConnectionString, () => AppSchritt(0, 0), () => Ok(fm.GetAsync($"/api/faelle/{appFaelle[0]}")));
        Console.WriteLine($"   Datenbank-Transaktionen je Anfrage (autocommit zählt je Befehl): Schritt {xactSchritt:F1}, Fall lesen {xactLesen:F1}");
        if (Environment.GetEnvironmentVariable("KIM_BENCH_ANTWORT") == "1")
        {
            // Profiling aid: one Fall's answer as the app gives it.
            Console.WriteLine(await fm.GetStringAsync($"/api/faelle/{appFaelle[0]}"));
        }
        if (Environment.GetEnvironmentVariable("KIM_BENCH_SQL") == "1")
        {
            // Profiling aid: the statements PostgreSQL received for one step and one read (server log, log_statement = all).
            await SqlProtokollAsync(cluster.Server.LogFile, datenbank.SuperuserConnectionString, "Schritt", () => AppSchritt(0, 0));
            await SqlProtokollAsync(cluster.Server.LogFile, datenbank.SuperuserConnectionString, "Fall lesen", () => Ok(fm.GetAsync($"/api/faelle/{appFaelle[0]}")));
        }

        Task<bool> AppLesen(int w, int i) => Ok(fm.GetAsync($"/api/faelle/{appFaelle[w]}"));
        switch (Environment.GetEnvironmentVariable("KIM_BENCH_NUR"))
        {
            // Profiling aids: only the app's side of one kind, phase after phase, until the process is stopped (attach a
            // profiler to the printed process id).
            case "kalt":
                var reihum = Reihum(await KalteFaelleAnlegenAsync(fm, heute));
                await CpuZeit.RuheAbwartenAsync(app.Pid, TimeSpan.FromSeconds(120));
                return await NurAsync("kalt lesen", (w, i) => Ok(fm.GetAsync($"/api/faelle/{reihum()}")), clients, dauer, app.Pid);
            case "schritte":
                return await NurAsync("Schritte", AppSchritt, clients, dauer, app.Pid);
            case "lesen":
                return await NurAsync("warm lesen", AppLesen, clients, dauer, app.Pid);
        }

        // Warm-up until the JIT's tiered compilation has settled (the steady state of a server that runs for days):
        // with a short warm-up, a quarter of the app's CPU in the first measured phase went to recompiling hot methods.
        Console.WriteLine($"   Aufwärmen ({Aufwaermen.TotalSeconds:F0} s je Seite) …");
        await Last.GeschlossenAsync(clients, Aufwaermen, AppSchritt);
        await Last.GeschlossenAsync(clients, TimeSpan.FromSeconds(3), RohSchritt);
        app.SpitzeZuruecksetzen();
        var ich = Environment.ProcessId;
        var (roh1, cpuRoh1) = await MitCpuAsync(ich, () => Last.GeschlossenAsync(clients, dauer, RohSchritt));
        var (app1, cpuApp1) = await MitCpuAsync(app.Pid, () => Last.GeschlossenAsync(clients, dauer, AppSchritt));
        var (roh2, cpuRoh2) = await MitCpuAsync(ich, () => Last.GeschlossenAsync(clients, dauer, RohSchritt));
        var (app2, cpuApp2) = await MitCpuAsync(app.Pid, () => Last.GeschlossenAsync(clients, dauer, AppSchritt));
        await Last.GeschlossenAsync(clients, TimeSpan.FromSeconds(3), RohSchrittVorbereitet);
        var rohV = await Last.GeschlossenAsync(clients, dauer, RohSchrittVorbereitet);
        var rssSchreiben = app.SpitzeRssMiB;
        var roh = LastErgebnis.Zusammen(roh1, roh2);
        var voll = LastErgebnis.Zusammen(app1, app2);
        Console.WriteLine($"   Übergänge: roh {roh.ProSekunde:F0}/s (p99 {roh.P(99):F1} ms), App {voll.ProSekunde:F0}/s (p99 {voll.P(99):F1} ms)");

        // Case read: the app's authorised GET against the bare baseline endpoint, same rows, same run.
        var port = AppProzess.FreierPort();
        using var rohServer = await RohServer.StartenAsync(port, datenbank.AppConnectionString);
        using var rohClient = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2 }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        Task<bool> RohLesen(int w, int i) => Ok(rohClient.GetAsync($"/roh/{appFaelle[w]}"));
        await Last.GeschlossenAsync(clients, Aufwaermen, AppLesen);
        await Last.GeschlossenAsync(clients, TimeSpan.FromSeconds(3), RohLesen);
        var (rohL1, cpuRohL1) = await MitCpuAsync(rohServer.Id, () => Last.GeschlossenAsync(clients, dauer, RohLesen));
        var (appL1, cpuAppL1) = await MitCpuAsync(app.Pid, () => Last.GeschlossenAsync(clients, dauer, AppLesen));
        var (rohL2, cpuRohL2) = await MitCpuAsync(rohServer.Id, () => Last.GeschlossenAsync(clients, dauer, RohLesen));
        var (appL2, cpuAppL2) = await MitCpuAsync(app.Pid, () => Last.GeschlossenAsync(clients, dauer, AppLesen));
        Task<bool> RohLesenVorbereitet(int w, int i) => Ok(rohClient.GetAsync($"/roh-vorbereitet/{appFaelle[w]}"));
        await Last.GeschlossenAsync(clients, TimeSpan.FromSeconds(3), RohLesenVorbereitet);
        var (rohLV, cpuRohLV) = await MitCpuAsync(rohServer.Id, () => Last.GeschlossenAsync(clients, dauer, RohLesenVorbereitet));

        // The same read when the instance's caches cannot help (ADR 0003): every request a different Fall out of more
        // than either cache holds, each read again only after all others, for the app and the raw endpoint alike.
        var kalt = Reihum(await KalteFaelleAnlegenAsync(fm, heute));
        // The 2,500 intakes leave the app background work (projection of the new events, notices, the stored analyses
        // report) that the raw endpoint never has; the cold phases start once the machine is quiet again.
        var ruhe = await CpuZeit.RuheAbwartenAsync(app.Pid, TimeSpan.FromSeconds(120));
        Console.WriteLine($"   Hintergrundarbeit nach den Aufnahmen abgewartet: {ruhe:F0} s");
        Task<bool> AppLesenKalt(int w, int i) => Ok(fm.GetAsync($"/api/faelle/{kalt()}"));
        Task<bool> RohLesenKalt(int w, int i) => Ok(rohClient.GetAsync($"/roh/{kalt()}"));
        // Two phases per side, alternating like the others (one phase each moved the ratio by ±0.05 run to run).
        var (rohK1, _) = await MitCpuAsync(rohServer.Id, () => Last.GeschlossenAsync(clients, dauer, RohLesenKalt));
        var (appK1, cpuAppK1) = await MitCpuAsync(app.Pid, () => Last.GeschlossenAsync(clients, dauer, AppLesenKalt));
        var (rohK2, _) = await MitCpuAsync(rohServer.Id, () => Last.GeschlossenAsync(clients, dauer, RohLesenKalt));
        var (appK2, cpuAppK2) = await MitCpuAsync(app.Pid, () => Last.GeschlossenAsync(clients, dauer, AppLesenKalt));
        var rohK = LastErgebnis.Zusammen(rohK1, rohK2);
        var appK = LastErgebnis.Zusammen(appK1, appK2);
        var cpuAppK = cpuAppK1 + cpuAppK2;
        // For comparison: the raw cold read on a multiplexed pool like the app's read pool (ADR 0015), so that the report
        // shows what the app's connection technique alone gives a bare read.
        Task<bool> RohLesenKaltMultiplex(int w, int i) => Ok(rohClient.GetAsync($"/roh-multiplex/{kalt()}"));
        await Last.GeschlossenAsync(clients, TimeSpan.FromSeconds(3), RohLesenKaltMultiplex);
        var (rohKM, cpuRohKM) = await MitCpuAsync(rohServer.Id, () => Last.GeschlossenAsync(clients, dauer, RohLesenKaltMultiplex));
        rohServer.Kill();
        var rohLesen = LastErgebnis.Zusammen(rohL1, rohL2);
        var appLesen = LastErgebnis.Zusammen(appL1, appL2);
        var kaltVerhaeltnis = appK.ProSekunde / rohK.ProSekunde;
        var rss = app.SpitzeRssMiB;

        var verhaeltnis = voll.ProSekunde / roh.ProSekunde;
        var p99Faktor = voll.P(99) / roh.P(99);
        var leseVerhaeltnis = appLesen.ProSekunde / rohLesen.ProSekunde;
        var zeilen = new (string Was, string Wert, string Ziel, bool Ok)[]
        {
            ("Übergang roh (Npgsql): Durchsatz / p50 / p99", $"{roh.ProSekunde:F0}/s / {roh.P(50):F1} / {roh.P(99):F1} ms", "Basis", roh.Fehler == 0),
            ("Übergang App (HTTP, ganzer Stack): Durchsatz / p50 / p99", $"{voll.ProSekunde:F0}/s / {voll.P(50):F1} / {voll.P(99):F1} ms", "–", voll.Fehler == 0),
            ("Übergang: Durchsatz App / roh", $"{verhaeltnis:F2}", "≥ 0.75", verhaeltnis >= 0.75),
            ("Übergang: p99 App / roh", $"{p99Faktor:F2}", "≤ 2.00", p99Faktor <= 2.0),
            ("Fall lesen roh (eine Zeile, HTTP): Durchsatz / p99", $"{rohLesen.ProSekunde:F0}/s / {rohLesen.P(99):F1} ms", "Basis", rohLesen.Fehler == 0),
            ("Fall lesen App (autorisiert, HTTP): Durchsatz / p99", $"{appLesen.ProSekunde:F0}/s / {appLesen.P(99):F1} ms", "–", appLesen.Fehler == 0),
            ("Fall lesen: Durchsatz App / roh", $"{leseVerhaeltnis:F2}", "≥ 0.80", leseVerhaeltnis >= 0.8),
            ("Zum Vergleich: Übergang roh mit vorbereiteten Anweisungen; App / dieser", $"{rohV.ProSekunde:F0}/s, p99 {rohV.P(99):F1} ms; {voll.ProSekunde / rohV.ProSekunde:F2}", "Info", rohV.Fehler == 0),
            ("Zum Vergleich: Fall lesen roh, vorbereitete Anweisung; App / dieser", $"{rohLV.ProSekunde:F0}/s; {appLesen.ProSekunde / rohLV.ProSekunde:F2}", "Info", rohLV.Fehler == 0),
            ("CPU je Lesen roh, vorbereitet (Roh-Server / PostgreSQL)", cpuRohLV.JeAnfrage(rohLV.Erfolgreich + rohLV.Fehler), "Info", true),
            ($"Fall lesen, Zwischenspeicher kalt ({KalteFaelle} Fälle reihum): App / roh", $"{appK.ProSekunde:F0}/s / {rohK.ProSekunde:F0}/s = {kaltVerhaeltnis:F2}", "≥ 0.50", appK.Fehler + rohK.Fehler == 0 && kaltVerhaeltnis >= 0.5),
            ("CPU je Lesen kalt App (App / PostgreSQL)", cpuAppK.JeAnfrage(appK.Erfolgreich + appK.Fehler), "Info", true),
            ("Zum Vergleich: Fall lesen kalt roh, vorbereitet und gemultiplext wie der Lesepool der App; App / dieser", $"{rohKM.ProSekunde:F0}/s; {appK.ProSekunde / rohKM.ProSekunde:F2}", "Info", rohKM.Fehler == 0),
            ("CPU je Lesen kalt roh, gemultiplext (Roh-Server / PostgreSQL)", cpuRohKM.JeAnfrage(rohKM.Erfolgreich + rohKM.Fehler), "Info", true),
            ("CPU je Übergang roh (Lastprogramm / PostgreSQL)", (cpuRoh1 + cpuRoh2).JeAnfrage(roh.Erfolgreich + roh.Fehler), "Info", true),
            ("CPU je Übergang App (App / PostgreSQL)", (cpuApp1 + cpuApp2).JeAnfrage(voll.Erfolgreich + voll.Fehler), "Info", true),
            ("CPU je Lesen roh (Roh-Server / PostgreSQL)", (cpuRohL1 + cpuRohL2).JeAnfrage(rohLesen.Erfolgreich + rohLesen.Fehler), "Info", true),
            ("CPU je Lesen App (App / PostgreSQL)", (cpuAppL1 + cpuAppL2).JeAnfrage(appLesen.Erfolgreich + appLesen.Fehler), "Info", true),
            ("Fehler (Übergänge App / roh, Lesen App / roh)", $"{voll.Fehler} / {roh.Fehler} / {appLesen.Fehler} / {rohLesen.Fehler}", "0", voll.Fehler + roh.Fehler + appLesen.Fehler + rohLesen.Fehler == 0),
            ("RSS der Anwendung (Spitze: Übergänge / gesamt)", $"{rssSchreiben:F0} / {rss:F0} MiB", "< 600 MiB", rss < 600),
        };
        Bericht.Ausgeben("uebergaenge", zeilen, new JsonObject
        {
            ["clients"] = clients,
            ["sekundenProPhase"] = sekundenProPhase,
            ["uebergangRoh"] = Figuren(roh),
            ["uebergangApp"] = Figuren(voll),
            ["lesenRoh"] = Figuren(rohLesen),
            ["lesenApp"] = Figuren(appLesen),
            ["verhaeltnisUebergang"] = verhaeltnis,
            ["p99FaktorUebergang"] = p99Faktor,
            ["verhaeltnisLesen"] = leseVerhaeltnis,
            ["uebergangRohVorbereitet"] = Figuren(rohV),
            ["lesenRohVorbereitet"] = Figuren(rohLV),
            ["lesenKaltRoh"] = Figuren(rohK),
            ["lesenKaltApp"] = Figuren(appK),
            ["lesenKaltRohMultiplex"] = Figuren(rohKM),
            ["verhaeltnisLesenKalt"] = kaltVerhaeltnis,
            ["rssSpitzeMiB"] = rss,
            ["transaktionenJeSchritt"] = xactSchritt,
            ["transaktionenJeLesen"] = xactLesen,
        },
        "Transition and case read (QUALITY.md targets 1, 2, 6)",
        $"./scripts/bench.sh uebergaenge --clients {clients} --dauer {sekundenProPhase}",
        $"{clients} concurrent clients, closed loop, {Aufwaermen.TotalSeconds:F0} s warm-up of the app per kind, phases alternate raw/app/raw/app ({sekundenProPhase} s each). The app runs as its own process on plain HTTP on loopback (TLS ends at nginx in production). Raw transition: one transaction with the same rows (Fall update, event, audit, the deputy's notification and counter) as one batched round trip plus COMMIT. Raw read: a bare Kestrel endpoint reading one row of `faelle` with Npgsql. Both baselines use Npgsql's defaults (PostgreSQL parses and plans each statement); the app prepares its statements (automatic preparation on its pool) and reads Fälle through a multiplexed pool of 2 connections (ADR 0015), so the \"Zum Vergleich\" lines also give one phase of each baseline with prepared statements, and of the cold read prepared on a multiplexed pool like the app's (after the measured phases). The target read phases read each client's own Fall again and again, so the per-instance caches of ADR 0003 (rows and read model, checked against the Fall's version on every read) answer most of the work; the line \"Zwischenspeicher kalt\" (QUALITY.md target 2 with cold caches, ≥ 0.50) reads {KalteFaelle} other Fälle in turn (each again only after all others, more than either cache holds), for the app and the raw endpoint, two alternating phases each, after the background work of their intake has finished (app and PostgreSQL below 5 % of a core for 2 s). CPU per request: the app's process, and the benchmark's own PostgreSQL cluster (postmaster and its backends). Database transactions per request (autocommitted statements count one each, background work of the app in the same seconds included): step {xactSchritt:F1}, read {xactLesen:F1}.");
        return zeilen.All(z => z.Ok) ? 0 : 1;
    }

    /// <summary>Profiling aid (<c>KIM_BENCH_NUR=kalt|schritte|lesen</c>): one kind of request without end, one line of figures per phase.</summary>
    private static async Task<int> NurAsync(string was, Func<int, int, Task<bool>> anfrage, int clients, TimeSpan dauer, int appPid)
    {
        Console.WriteLine($"   Nur {was}: App-Prozess {appPid}");
        while (true)
        {
            var (e, cpu) = await MitCpuAsync(appPid, () => Last.GeschlossenAsync(clients, dauer, anfrage));
            Console.WriteLine($"   {was}: App {e.ProSekunde:F0}/s, p99 {e.P(99):F1} ms, Fehler {e.Fehler}, CPU je Anfrage (App / PostgreSQL) {cpu.JeAnfrage(e.Erfolgreich + e.Fehler)}");
        }
    }

    /// <summary>The given Fälle in turn (safe for concurrent callers), each again only after all others.</summary>
    private static Func<Guid> Reihum(Guid[] faelle)
    {
        var naechster = -1;
        return () => faelle[(int)((uint)Interlocked.Increment(ref naechster) % faelle.Length)];
    }

    /// <summary>The Fälle of the cold read: <see cref="KalteFaelle"/> new intakes.</summary>
    private static async Task<Guid[]> KalteFaelleAnlegenAsync(HttpClient fm, DateOnly heute)
    {
        var kalteFaelle = new Guid[KalteFaelle];
        await Parallel.ForEachAsync(Enumerable.Range(0, KalteFaelle), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            kalteFaelle[i] = (await Zugaenge.LesenAsync(await fm.PostAsJsonAsync("/api/faelle", Zugaenge.Aufnahme(100_000 + i, heute), ct)))["fallId"]!.GetValue<Guid>());
        return kalteFaelle;
    }

    /// <summary>Committed database transactions per request (each autocommitted statement counts as one): a proxy for round trips.</summary>
    private static async Task<(double Schritt, double Lesen)> TransaktionenJeAnfrageAsync(string ownerConnectionString, Func<Task<bool>> schritt, Func<Task<bool>> lesen)
    {
        async Task<long> StandAsync()
        {
            // Other backends report their counts when idle, within 1 s normally but up to 10 s later (PostgreSQL's
            // PGSTAT_IDLE_INTERVAL); the read pool's multiplexed connections (ADR 0015) were seen reporting late.
            await Task.Delay(TimeSpan.FromSeconds(11));
            await using var verbindung = new NpgsqlConnection(ownerConnectionString);
            await verbindung.OpenAsync();
            await using var befehl = new NpgsqlCommand("SELECT pg_stat_force_next_flush(); SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()", verbindung);
            await using var leser = await befehl.ExecuteReaderAsync();
            await leser.NextResultAsync();
            await leser.ReadAsync();
            return leser.GetInt64(0);
        }

        async Task<double> MessenAsync(Func<Task<bool>> aktion)
        {
            await aktion();
            var vorher = await StandAsync();
            for (var i = 0; i < 20; i++)
            {
                await aktion();
            }

            var nachher = await StandAsync();
            return (nachher - vorher - 2) / 20.0;
        }

        return (await MessenAsync(schritt), await MessenAsync(lesen));
    }

    private static async Task SqlProtokollAsync(string logDatei, string superuserConnectionString, string was, Func<Task<bool>> aktion)
    {
        async Task SetzenAsync(string wert)
        {
            await using var verbindung = new NpgsqlConnection(superuserConnectionString);
            await verbindung.OpenAsync();
            await using var befehl = new NpgsqlCommand($"ALTER SYSTEM SET log_statement = '{wert}'; ", verbindung);
            await befehl.ExecuteNonQueryAsync();
            await using var neu = new NpgsqlCommand("SELECT pg_reload_conf()", verbindung);
            await neu.ExecuteNonQueryAsync();
            await Task.Delay(300);
        }

        await aktion();
        await SetzenAsync("all");
        var beginn = new FileInfo(logDatei).Length;
        await aktion();
        await Task.Delay(300);
        await SetzenAsync("none");
        await using var datei = new FileStream(logDatei, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        datei.Seek(beginn, SeekOrigin.Begin);
        Console.WriteLine($"   --- SQL für {was} ---");
        Console.WriteLine(await new StreamReader(datei).ReadToEndAsync());
    }

    private static async Task<(LastErgebnis Ergebnis, CpuZeit Cpu)> MitCpuAsync(int pid, Func<Task<LastErgebnis>> phase)
    {
        var vorher = CpuZeit.Messen(pid);
        var ergebnis = await phase();
        return (ergebnis, CpuZeit.Messen(pid) - vorher);
    }

    private static JsonObject Figuren(LastErgebnis e) => new()
    {
        ["proSekunde"] = e.ProSekunde,
        ["anzahl"] = e.Erfolgreich,
        ["fehler"] = e.Fehler,
        ["p50"] = e.P(50),
        ["p95"] = e.P(95),
        ["p99"] = e.P(99),
    };

    private static async Task<bool> Ok(Task<HttpResponseMessage> anfrage)
    {
        using var antwort = await anfrage;
        if (!antwort.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"   {(int)antwort.StatusCode}: {await antwort.Content.ReadAsStringAsync()}");
            return false;
        }

        await antwort.Content.CopyToAsync(Stream.Null);
        return true;
    }

    /// <summary>
    /// A Fall of the raw side and the writes a step makes: the Fall row (state, date, version, event count), the event,
    /// the audit row, the deputy's counter and notification, in one transaction with synchronous_commit on. The event and
    /// audit rows carry the Fall's Mandant, as the app writes them (their Mandant triggers are then skipped, migration 0023).
    /// </summary>
    private sealed class RohFall(Guid id, Guid klientId, string aktenzeichen, string mandant, int version, int ereignisse, string empfaenger)
    {
        private int _version = version;
        private int _ereignisse = ereignisse;
        private bool _imBezug;

        public static async Task<RohFall[]> LadenAsync(string connectionString, Guid[] ids, string[] empfaenger)
        {
            await using var verbindung = new NpgsqlConnection(connectionString);
            await verbindung.OpenAsync();
            var ergebnis = new RohFall[ids.Length];
            for (var i = 0; i < ids.Length; i++)
            {
                await using var befehl = new NpgsqlCommand("SELECT klient_id, aktenzeichen, version, ereignis_anzahl, mandant FROM faelle WHERE id = $1", verbindung);
                befehl.Parameters.Add(new NpgsqlParameter { Value = ids[i] });
                await using var leser = await befehl.ExecuteReaderAsync();
                await leser.ReadAsync();
                ergebnis[i] = new RohFall(ids[i], leser.GetGuid(0), leser.GetString(1), leser.GetString(4), leser.GetInt32(2), leser.GetInt32(3), empfaenger[i]);
            }

            return ergebnis;
        }

        public async Task<bool> SchrittAsync(NpgsqlDataSource quelle, string akteur, DateOnly tag)
        {
            var (trigger, von, nach) = _imBezug ? ("LeistungsbezugBeenden", "AsylbLG", "KeinLeistungsbezug") : ("AsylbLGBewilligen", "KeinLeistungsbezug", "AsylbLG");
            await using var verbindung = await quelle.OpenConnectionAsync();
            await using var tx = await verbindung.BeginTransactionAsync();
            await using var batch = new NpgsqlBatch(verbindung, tx)
            {
                BatchCommands =
                {
                    Befehl(
                        "UPDATE faelle SET leistungen_zustand = $1, leistungen_seit = $2, version = version + 1, ereignis_anzahl = ereignis_anzahl + 1, geaendert_am = now() WHERE id = $3 AND version = $4",
                        nach, tag, id, _version),
                    Befehl(
                        "INSERT INTO fall_ereignisse (fall_id, nr, spur, trigger, von_zustand, nach_zustand, fachliches_datum, erfasst_am, akteur, notiz, parameter, mandant) VALUES ($1, $2, 'Leistungen', $3, $4, $5, $6, now(), $7, NULL, '{}'::jsonb, $8)",
                        id, _ereignisse + 1, trigger, von, nach, tag, akteur, mandant),
                    Befehl(
                        "INSERT INTO audit_protokoll (zeitpunkt, benutzer_id, rollen, aktion, detail, fall_id, klient_id, ergebnis, herkunft, trace_id, mandant) VALUES (now(), $1, 'Fallmanagement', 'Schritt', $2, $3, $4, 200, '127.0.0.1', NULL, $5)",
                        akteur, "Leistungen." + trigger, id, klientId, mandant),
                    Befehl(
                        """
                        WITH z AS (
                          INSERT INTO benachrichtigung_zaehler (empfaenger_id, letzte_seq) VALUES ($1, 1)
                          ON CONFLICT (empfaenger_id) DO UPDATE SET letzte_seq = benachrichtigung_zaehler.letzte_seq + 1
                          RETURNING letzte_seq)
                        INSERT INTO benachrichtigungen (empfaenger_id, seq, fall_id, art, titel, text, link, erstellt_am)
                        SELECT $1, letzte_seq, $2, 'Schritt', $3, $4, $5, now() FROM z
                        """,
                        empfaenger, id, $"{aktenzeichen}: Leistungen geändert", $"Leistungen: {trigger} ({tag:dd.MM.yyyy}).", $"/Faelle/Akte/{id}"),
                },
            };
            await using (var leser = await batch.ExecuteReaderAsync())
            {
                while (await leser.NextResultAsync())
                {
                }
            }

            if (batch.BatchCommands[0].RecordsAffected != 1)
            {
                await tx.RollbackAsync();
                return false;
            }

            await tx.CommitAsync();
            _version++;
            _ereignisse++;
            _imBezug = !_imBezug;
            return true;
        }

        private static NpgsqlBatchCommand Befehl(string sql, params object[] werte)
        {
            var befehl = new NpgsqlBatchCommand(sql);
            foreach (var wert in werte)
            {
                befehl.Parameters.Add(wert is DateOnly d ? new NpgsqlParameter { Value = d, NpgsqlDbType = NpgsqlDbType.Date } : new NpgsqlParameter { Value = wert });
            }

            return befehl;
        }
    }
}
