using Kim.Casemanagement.Infrastructure.Audit;
using Kim.Casemanagement.Infrastructure.Persistence;
using Kim.Casemanagement.Infrastructure.Tests.Database;
using Kim.Casemanagement.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;
using static Kim.Casemanagement.Infrastructure.Tests.Audit.AuditTestDaten;

namespace Kim.Casemanagement.Infrastructure.Tests.Audit;

/// <summary>
/// Both write paths of <see cref="AuditSchreiber"/>, as the app role: into the EF transaction of a change, and through
/// the queue and the background batch writer (flush on stop, nothing lost, back-pressure, retry, bad characters).
/// </summary>
public sealed class AuditSchreiberTests
{
    private const string Spaltenwerte = """
        SELECT count(*) FROM audit_protokoll
        WHERE zeitpunkt = '2026-03-04 10:15:30.123456+00' AND benutzer_id = 'fm.mueller' AND rollen = 'Fallmanagement'
          AND detail = 'Aufenthalt/Anerkennen' AND fall_id = '6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e'
          AND klient_id = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d' AND herkunft = '203.0.113.7'
          AND trace_id = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'
        """;

    [Fact]
    public async Task Hinzufuegen_WhenTheChangeCommits_StoresTheRowsInTheChangesOwnTransaction()
    {
        await using var db = await NeueDatenbankAsync();
        await using var dataSource = NpgsqlDataSource.Create(db.AppConnectionString);
        var schreiber = Schreiber(dataSource);
        await using var kontext = Kontext(dataSource);
        await using var transaktion = await kontext.Database.BeginTransactionAsync();
        var txid = await AktuelleXidAsync(kontext, transaktion);
        var eintraege = new[] { Eintrag("Fall.Schritt", 200), Eintrag("Fall.Notiz", 200) };

        schreiber.Hinzufuegen(kontext, eintraege);
        await kontext.SaveChangesAsync();
        await transaktion.CommitAsync();

        eintraege.ShouldAllBe(e => e.Id > 0 && e.Xid == txid);
        (await Sql.ScalarAsync<long>(db.OwnerConnectionString, $"SELECT count(*) FROM audit_protokoll WHERE xid = '{txid}'")).ShouldBe(2);
        (await Sql.ScalarAsync<long>(db.OwnerConnectionString, Spaltenwerte + " AND aktion IN ('Fall.Schritt', 'Fall.Notiz') AND ergebnis = 200")).ShouldBe(2);
    }

    [Fact]
    public async Task Hinzufuegen_WhenTheChangeRollsBack_StoresNothing()
    {
        await using var db = await NeueDatenbankAsync();
        await using var dataSource = NpgsqlDataSource.Create(db.AppConnectionString);
        var schreiber = Schreiber(dataSource);
        await using var kontext = Kontext(dataSource);
        await using var transaktion = await kontext.Database.BeginTransactionAsync();

        schreiber.Hinzufuegen(kontext, [Eintrag("Fall.Schritt")]);
        await kontext.SaveChangesAsync();
        await transaktion.RollbackAsync();

        (await Sql.ScalarAsync<long>(db.OwnerConnectionString, "SELECT count(*) FROM audit_protokoll")).ShouldBe(0);
    }

    [Fact]
    public async Task EinreihenAsync_WhenTheWriterRuns_StoresEveryFieldWithinMomentsWithoutAStop()
    {
        await using var db = await NeueDatenbankAsync();
        await using var dataSource = NpgsqlDataSource.Create(db.AppConnectionString);
        await using var schreiber = Schreiber(dataSource);
        await schreiber.StartAsync(default);
        var ortszeit = Eintrag("Fall.Anzeigen", 403);
        ortszeit.Zeitpunkt = AuditTestDaten.Zeitpunkt.ToOffset(TimeSpan.FromHours(2));

        await schreiber.EinreihenAsync([Eintrag("Fall.Lesen", 200), ortszeit]);

        await WartenBisAsync(async () => await Sql.ScalarAsync<long>(db.OwnerConnectionString, "SELECT count(*) FROM audit_protokoll") == 2);
        (await Sql.ScalarAsync<long>(db.OwnerConnectionString, Spaltenwerte + " AND aktion = 'Fall.Lesen' AND ergebnis = 200")).ShouldBe(1);
        (await Sql.ScalarAsync<long>(db.OwnerConnectionString, Spaltenwerte + " AND aktion = 'Fall.Anzeigen' AND ergebnis = 403")).ShouldBe(1, "the same instant, stored in UTC");
        (await Sql.ScalarAsync<long>(db.OwnerConnectionString, "SELECT count(DISTINCT xid) FROM audit_protokoll")).ShouldBe(1, "one batch, one transaction");
    }

    [Fact]
    public async Task StopAsync_WhenEntriesAreQueued_WritesThemAllBeforeItReturns()
    {
        await using var db = await NeueDatenbankAsync();
        await using var dataSource = NpgsqlDataSource.Create(db.AppConnectionString);
        var schreiber = Schreiber(dataSource);
        await schreiber.StartAsync(default);

        await schreiber.EinreihenAsync(Eintraege(1234));
        await schreiber.StopAsync(default);

        schreiber.Wartend.ShouldBe(0);
        (await Sql.ScalarAsync<long>(db.OwnerConnectionString, "SELECT count(DISTINCT aktion) FROM audit_protokoll")).ShouldBe(1234);
    }

    [Fact]
    public async Task StopAsync_WhenTheWriterWasNeverStarted_StillWritesWhatWasQueued()
    {
        await using var db = await NeueDatenbankAsync();
        await using var dataSource = NpgsqlDataSource.Create(db.AppConnectionString);
        var schreiber = Schreiber(dataSource);

        await schreiber.EinreihenAsync(Eintraege(7));
        await schreiber.StopAsync(default);

        (await Sql.ScalarAsync<long>(db.OwnerConnectionString, "SELECT count(*) FROM audit_protokoll")).ShouldBe(7);
    }

    [Fact]
    public async Task EinreihenAsync_With10000EntriesFromParallelRequests_LosesNone()
    {
        await using var db = await NeueDatenbankAsync();
        await using var dataSource = NpgsqlDataSource.Create(db.AppConnectionString);
        var schreiber = Schreiber(dataSource);
        await schreiber.StartAsync(default);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < 1250; i++)
            {
                await schreiber.EinreihenAsync([Eintrag($"Fall.Lesen.{t}.{i}")]);
            }
        })));
        await schreiber.StopAsync(default);

        (await Sql.ScalarAsync<long>(db.OwnerConnectionString, "SELECT count(*) FROM audit_protokoll")).ShouldBe(10_000);
        (await Sql.ScalarAsync<long>(db.OwnerConnectionString, "SELECT count(DISTINCT aktion) FROM audit_protokoll")).ShouldBe(10_000);
        (await Sql.ScalarAsync<long>(db.OwnerConnectionString, "SELECT max(n) FROM (SELECT count(*) AS n FROM audit_protokoll GROUP BY xid) b"))
            .ShouldBeLessThanOrEqualTo(AuditSchreiber.MaxStapel, "batches of at most MaxStapel rows");
    }

    [Fact]
    public async Task EinreihenAsync_WhenTheQueueIsFull_WaitsAndWarnsWithoutPersonalDataInsteadOfDropping()
    {
        await using var db = await NeueDatenbankAsync();
        await using var dataSource = NpgsqlDataSource.Create(db.AppConnectionString);
        var logger = new ListenLogger<AuditSchreiber>();
        var schreiber = Schreiber(dataSource, kapazitaet: 10, logger: logger);
        await schreiber.StartAsync(default);
        await Sql.ExecuteAsync(db.SuperuserConnectionString, "REVOKE INSERT ON audit_protokoll FROM kim_anwendung");

        // The writer takes a full batch (MaxStapel) and keeps retrying it; 10 more fill the queue; the caller waits with the last 5.
        var einreihen = schreiber.EinreihenAsync(Eintraege(AuditSchreiber.MaxStapel + 15)).AsTask();
        await WartenBisAsync(() => Task.FromResult(schreiber.Wartend == 10));
        await Task.Delay(300);
        einreihen.IsCompleted.ShouldBeFalse("the queue of 10 is full and the caller must wait");
        logger.Zeilen.ShouldContain(z => z.Level == LogLevel.Warning && z.Text.Contains("Audit-Warteschlange voll", StringComparison.Ordinal));

        await Sql.ExecuteAsync(db.SuperuserConnectionString, """
            GRANT INSERT (zeitpunkt, benutzer_id, rollen, aktion, detail, fall_id, klient_id, ergebnis, herkunft, trace_id, mandant) ON audit_protokoll TO kim_anwendung
            """);
        await einreihen.WaitAsync(TimeSpan.FromSeconds(30));
        await schreiber.StopAsync(default);

        (await Sql.ScalarAsync<long>(db.OwnerConnectionString, "SELECT count(DISTINCT aktion) FROM audit_protokoll")).ShouldBe(AuditSchreiber.MaxStapel + 15);
        KeinePersonenbezug(logger);
    }

    [Fact]
    public async Task Writer_WhenTheDatabaseRefusesForAWhile_RetriesAndLosesNothing()
    {
        await using var db = await NeueDatenbankAsync();
        await using var dataSource = NpgsqlDataSource.Create(db.AppConnectionString);
        var logger = new ListenLogger<AuditSchreiber>();
        var schreiber = Schreiber(dataSource, logger: logger);
        await schreiber.StartAsync(default);
        await Sql.ExecuteAsync(db.SuperuserConnectionString, "REVOKE INSERT ON audit_protokoll FROM kim_anwendung");

        await schreiber.EinreihenAsync(Eintraege(50));
        await WartenBisAsync(() => Task.FromResult(logger.Zeilen.Any(z => z.Level == LogLevel.Warning && z.Text.Contains("SQLSTATE 42501", StringComparison.Ordinal))));
        (await Sql.ScalarAsync<long>(db.OwnerConnectionString, "SELECT count(*) FROM audit_protokoll")).ShouldBe(0);
        await Sql.ExecuteAsync(db.SuperuserConnectionString, """
            GRANT INSERT (zeitpunkt, benutzer_id, rollen, aktion, detail, fall_id, klient_id, ergebnis, herkunft, trace_id, mandant) ON audit_protokoll TO kim_anwendung
            """);
        await WartenBisAsync(async () => await Sql.ScalarAsync<long>(db.OwnerConnectionString, "SELECT count(*) FROM audit_protokoll") == 50);
        await schreiber.StopAsync(default);

        (await Sql.ScalarAsync<long>(db.OwnerConnectionString, "SELECT count(DISTINCT aktion) FROM audit_protokoll")).ShouldBe(50);
        KeinePersonenbezug(logger);
    }

    [Fact]
    public async Task EinreihenAsync_WithNulCharactersAndLoneSurrogates_StoresThemReplacedInsteadOfBlockingTheQueue()
    {
        await using var db = await NeueDatenbankAsync();
        await using var dataSource = NpgsqlDataSource.Create(db.AppConnectionString);
        var schreiber = Schreiber(dataSource);
        await schreiber.StartAsync(default);
        var nul = Eintrag("Fall.Lesen.Nul");
        nul.Detail = "a\0b";
        var surrogat = Eintrag("Fall.Lesen.Surrogat");
        surrogat.Detail = "x\uD800y";
        var ohneBenutzer = Eintrag("Fall.Lesen.Null");
        ohneBenutzer.BenutzerId = null!;

        await schreiber.EinreihenAsync([nul, surrogat, ohneBenutzer, Eintrag("Fall.Lesen.Normal")]);
        await schreiber.StopAsync(default);

        (await Sql.ColumnAsync<string>(db.OwnerConnectionString, "SELECT aktion || '=' || coalesce(detail, '') || '=' || benutzer_id FROM audit_protokoll ORDER BY id"))
            .ShouldBe([
                "Fall.Lesen.Nul=a\uFFFDb=fm.mueller",
                "Fall.Lesen.Surrogat=x\uFFFDy=fm.mueller",
                "Fall.Lesen.Null=Aufenthalt/Anerkennen=",
                "Fall.Lesen.Normal=Aufenthalt/Anerkennen=fm.mueller",
            ]);
    }

    [Fact]
    public async Task EinreihenAsync_AfterStop_WritesDirectlyInsteadOfLosingTheEntries()
    {
        await using var db = await NeueDatenbankAsync();
        await using var dataSource = NpgsqlDataSource.Create(db.AppConnectionString);
        var schreiber = Schreiber(dataSource);
        await schreiber.StartAsync(default);
        await schreiber.StopAsync(default);

        await schreiber.EinreihenAsync(Eintraege(3));

        (await Sql.ScalarAsync<long>(db.OwnerConnectionString, "SELECT count(*) FROM audit_protokoll")).ShouldBe(3);
    }

    internal static async Task<TestDatabase> NeueDatenbankAsync() =>
        await (await PostgresTestCluster.GetAsync()).CreateDatabaseAsync("audit");

    internal static KimDbContext Kontext(NpgsqlDataSource dataSource) =>
        new(new DbContextOptionsBuilder<KimDbContext>().UseNpgsql(dataSource).Options);

    internal static async Task WartenBisAsync(Func<Task<bool>> bedingung)
    {
        var ende = DateTime.UtcNow.AddSeconds(30);
        while (!await bedingung())
        {
            if (DateTime.UtcNow > ende)
            {
                throw new TimeoutException("Condition not met within 30 s.");
            }

            await Task.Delay(20);
        }
    }

    private static async Task<ulong> AktuelleXidAsync(KimDbContext kontext, IDbContextTransaction transaktion)
    {
        await using var befehl = new NpgsqlCommand(
            "SELECT pg_current_xact_id()", (NpgsqlConnection)kontext.Database.GetDbConnection(), (NpgsqlTransaction)transaktion.GetDbTransaction());
        return (ulong)(await befehl.ExecuteScalarAsync())!;
    }

    private static void KeinePersonenbezug<T>(ListenLogger<T> logger)
    {
        logger.Zeilen.ShouldNotBeEmpty();
        foreach (var (_, text) in logger.Zeilen)
        {
            text.ShouldNotContain("fm.mueller");
            text.ShouldNotContain("203.0.113.7");
            text.ShouldNotContain("6f1c2d3e", Case.Insensitive);
            text.ShouldNotContain("0a1b2c3d", Case.Insensitive);
            text.ShouldNotContain("Aufenthalt/Anerkennen");
        }
    }
}
