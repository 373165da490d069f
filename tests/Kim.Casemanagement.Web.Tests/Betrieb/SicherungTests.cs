using System.Globalization;
using System.Net;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Infrastructure.Audit;
using Kim.Casemanagement.Testing;
using Kim.Casemanagement.Web.Tests.Infrastruktur;
using Npgsql;

namespace Kim.Casemanagement.Web.Tests.Betrieb;

/// <summary>
/// infra/backup: backup.sh while the app writes (steps through the API), the database wiped (dropped and created empty
/// as an operator would), restore.sh into it; then the audit chain verifies intact, every table holds exactly the rows
/// the dump holds, and the app runs on the restored database with the rights the dump carried.
/// </summary>
public sealed class SicherungTests : IAsyncLifetime
{
    private readonly DirectoryInfo _ordner = Directory.CreateTempSubdirectory("kim-sicherung-");
    private TestDatabase _database = null!;

    public async Task InitializeAsync() =>
        _database = await (await PostgresTestCluster.GetAsync()).CreateDatabaseAsync("sicherung");

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _ordner.Delete(recursive: true);
    }

    [Fact]
    public async Task BackupUnderLoad_WipeAndRestore_AuditIntact_RowCountsAsInTheDump_AppRunsOnIt()
    {
        var dump = Path.Combine(_ordner.FullName, "kim.dump");
        var einstellungen = KimWebFactory.FuerDatenbank(_database.AppConnectionString, _database.OwnerConnectionString);
        Guid[] faelle;
        long schritteWaehrendSicherung;
        await using (var app = new KimWebFactory(einstellungen))
        {
            var fm = await app.KontoAsync("fm.sicherung", Rolle.Fallmanagement, "Team A");
            using var client = await app.AngemeldetAsync(fm);
            faelle = [await client.NeuerFallAsync(), await client.NeuerFallAsync(), await client.NeuerFallAsync()];

            // Load: steps on the Fälle, one after another, until the backup is done.
            using var ende = new CancellationTokenSource();
            long schritte = 0;
            var last = Task.Run(async () =>
            {
                var tag = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                for (var k = 0; !ende.IsCancellationRequested; k++)
                {
                    var trigger = k / faelle.Length % 2 == 0 ? "AsylbLGBewilligen" : "LeistungsbezugBeenden";
                    using var antwort = await client.SchrittAsync(faelle[k % faelle.Length], "Leistungen", trigger, tag);
                    antwort.StatusCode.ShouldBe(HttpStatusCode.OK, await antwort.Content.ReadAsStringAsync());
                    Interlocked.Increment(ref schritte);
                }
            });
            while (Interlocked.Read(ref schritte) < 5)
            {
                await Task.Delay(50);
            }

            var vorher = Interlocked.Read(ref schritte);
            var sicherung = await NginxProxy.AusfuehrenAsync(Skript("backup.sh"), [Libpq(_database.OwnerConnectionString), dump]);
            var nachher = Interlocked.Read(ref schritte);
            await ende.CancelAsync();
            await last;
            sicherung.ExitCode.ShouldBe(0, sicherung.Ausgabe);
            sicherung.Ausgabe.ShouldContain("Backup written");
            schritteWaehrendSicherung = nachher - vorher;
        }

        schritteWaehrendSicherung.ShouldBeGreaterThan(0, "Die Sicherung lief nicht unter Last.");
        var imDump = await ZeilenImDumpAsync(dump);
        imDump["audit_protokoll"].ShouldBeGreaterThan(0);
        imDump["faelle"].ShouldBe(faelle.Length);

        // Wipe: the database is dropped and created empty (owner kim_owner, schema public its own), as db/README says.
        await WiederLeerAnlegenAsync();
        (await TabellenAsync(_database.OwnerConnectionString)).ShouldBeEmpty();

        var wiederherstellung = await NginxProxy.AusfuehrenAsync(Skript("restore.sh"), [Libpq(_database.OwnerConnectionString), dump]);
        wiederherstellung.ExitCode.ShouldBe(0, wiederherstellung.Ausgabe);

        using var pruefung = new StringWriter();
        (await AuditKommando.VerifyAsync(_database.OwnerConnectionString, pruefung, default)).ShouldBe(AuditKommando.Intakt, pruefung.ToString());
        pruefung.ToString().ShouldContain("intakt");
        foreach (var tabelle in await TabellenAsync(_database.OwnerConnectionString))
        {
            (await ZaehlenAsync(tabelle)).ShouldBe(imDump.GetValueOrDefault(tabelle), $"Zeilen in {tabelle}");
        }

        // The app (role kim_app: its rights came back with the dump) signs in and reads a Fall of before the backup.
        await using var neu = new KimWebFactory(KimWebFactory.FuerDatenbank(_database.AppConnectionString, _database.OwnerConnectionString));
        var admin = await neu.KontoAsync("fm.nach.sicherung", Rolle.Fallmanagement, "Team A");
        using var nachWiederherstellung = await neu.AngemeldetAsync(admin);
        (await nachWiederherstellung.GetAsync("/api/faelle")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static string Skript(string name) => Path.Combine(NginxProxy.Repository(), "infra", "backup", name);

    /// <summary>The Npgsql connection string as a libpq one (what the scripts take).</summary>
    private static string Libpq(string npgsql)
    {
        var b = new NpgsqlConnectionStringBuilder(npgsql);
        return string.Create(CultureInfo.InvariantCulture, $"host={b.Host} port={b.Port} dbname={b.Database} user={b.Username}");
    }

    /// <summary>Rows per table in the dump (the COPY blocks of its data section).</summary>
    private static async Task<Dictionary<string, long>> ZeilenImDumpAsync(string dump)
    {
        var (code, sql) = await NginxProxy.AusfuehrenAsync("pg_restore", ["--data-only", "--file=-", dump]);
        code.ShouldBe(0, sql);
        var zeilen = new Dictionary<string, long>();
        string? tabelle = null;
        foreach (var zeile in sql.Split('\n'))
        {
            if (tabelle is null && zeile.StartsWith("COPY public.", StringComparison.Ordinal) && zeile.EndsWith("FROM stdin;", StringComparison.Ordinal))
            {
                tabelle = zeile["COPY public.".Length..].Split(' ', 2)[0].Trim('"');
                zeilen[tabelle] = 0;
            }
            else if (tabelle is not null)
            {
                if (zeile == "\\.")
                {
                    tabelle = null;
                }
                else
                {
                    zeilen[tabelle]++;
                }
            }
        }

        return zeilen;
    }

    private async Task WiederLeerAnlegenAsync()
    {
        var name = _database.Name;
        var wartung = new NpgsqlConnectionStringBuilder(_database.SuperuserConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        NpgsqlConnection.ClearAllPools();
        await AusfuehrenAsync(wartung, $"DROP DATABASE \"{name}\" WITH (FORCE)");
        await AusfuehrenAsync(wartung, $"CREATE DATABASE \"{name}\" OWNER kim_owner");
        await AusfuehrenAsync(new NpgsqlConnectionStringBuilder(_database.SuperuserConnectionString) { Pooling = false }.ConnectionString,
            "ALTER SCHEMA public OWNER TO kim_owner; REVOKE CREATE ON SCHEMA public FROM PUBLIC");
    }

    private static async Task AusfuehrenAsync(string verbindung, string sql)
    {
        await using var v = new NpgsqlConnection(verbindung);
        await v.OpenAsync();
        await using var befehl = new NpgsqlCommand(sql, v);
        await befehl.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> TabellenAsync(string verbindung)
    {
        await using var v = new NpgsqlConnection(verbindung);
        await v.OpenAsync();
        await using var befehl = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1", v);
        await using var leser = await befehl.ExecuteReaderAsync();
        var liste = new List<string>();
        while (await leser.ReadAsync())
        {
            liste.Add(leser.GetString(0));
        }

        return liste;
    }

    private async Task<long> ZaehlenAsync(string tabelle)
    {
        await using var v = new NpgsqlConnection(_database.OwnerConnectionString);
        await v.OpenAsync();
        await using var befehl = new NpgsqlCommand($"SELECT count(*) FROM public.\"{tabelle}\"", v);
        return (long)(await befehl.ExecuteScalarAsync())!;
    }
}
