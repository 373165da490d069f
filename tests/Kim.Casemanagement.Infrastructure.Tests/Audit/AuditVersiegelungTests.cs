using Kim.Casemanagement.Infrastructure.Audit;
using Kim.Casemanagement.Infrastructure.Tests.Database;
using Npgsql;
using static Kim.Casemanagement.Infrastructure.Tests.Audit.AuditSchreiberTests;
using static Kim.Casemanagement.Infrastructure.Tests.Audit.AuditTestDaten;

namespace Kim.Casemanagement.Infrastructure.Tests.Audit;

/// <summary>
/// The sealer, as the app role: every committed row is sealed exactly once, in (xid, id) order, with gap-free numbers,
/// whatever order transactions commit in and however many instances seal at once.
/// </summary>
public sealed class AuditVersiegelungTests
{
    [Fact]
    public async Task VersiegelnAsync_WithRowsOfInterleavedTransactions_SealsEachRowOnceInXidIdOrderWithoutGaps()
    {
        await using var db = await NeueDatenbankAsync();
        await using var dataSource = NpgsqlDataSource.Create(db.AppConnectionString);
        await using var eins = await dataSource.OpenConnectionAsync();
        await using var zwei = await dataSource.OpenConnectionAsync();

        // T1 gets its xid first but commits last; T2 writes two rows in between; T3 rolls back.
        await using (var t1 = await eins.BeginTransactionAsync())
        {
            var r1 = await EinfuegenAsync(eins, "T1.a", t1);
            await using (var t2 = await zwei.BeginTransactionAsync())
            {
                await EinfuegenAsync(zwei, "T2.a", t2);
                await EinfuegenAsync(zwei, "T2.b", t2);
                await t2.CommitAsync();
            }

            await EinfuegenAsync(eins, "T1.b", t1);
            await t1.CommitAsync();
            r1.Xid.ShouldBeGreaterThan(0UL);
        }

        await using (var t3 = await zwei.BeginTransactionAsync())
        {
            await EinfuegenAsync(zwei, "T3.verworfen", t3);
            await t3.RollbackAsync();
        }

        await EinzelnEinfuegenAsync(db.AppConnectionString, 20);
        await using (var schreiber = Schreiber(dataSource))
        {
            await schreiber.EinreihenAsync(Eintraege(700, "Stapel"));
        }

        var versiegelung = Versiegelung(dataSource);
        var anzahl = await AllesVersiegelnAsync(versiegelung, db.AppConnectionString);

        anzahl.ShouldBe(724);
        var siegel = await SiegelAsync(db.AppConnectionString);
        siegel.Select(s => s.Nr).ShouldBe(Enumerable.Range(1, 724).Select(n => (long)n));
        siegel.Select(s => s.AuditId).ShouldBe(await IdsInTransaktionsreihenfolgeAsync(db.AppConnectionString));
        (await Sql.ColumnAsync<string>(db.AppConnectionString, "SELECT p.aktion FROM audit_siegel s JOIN audit_protokoll p ON p.id = s.audit_id WHERE s.nr <= 4 ORDER BY s.nr"))
            .ShouldBe(["T1.a", "T1.b", "T2.a", "T2.b"], "T1 got the older xid, so its rows come first although T2 committed first");
        (await new AuditPruefung(dataSource).PruefenAsync(default)).ShouldBe(new AuditPruefergebnis(724, null, 0, 724, await KopfHashAsync(db.AppConnectionString)));
    }

    [Fact]
    public async Task VersiegelnAsync_WhenRunAgainWithoutNewRows_SealsNothingAndLaterContinuesTheSameChain()
    {
        await using var db = await NeueDatenbankAsync();
        await using var dataSource = NpgsqlDataSource.Create(db.AppConnectionString);
        var versiegelung = Versiegelung(dataSource);
        await EinzelnEinfuegenAsync(db.AppConnectionString, 5);
        await AllesVersiegelnAsync(versiegelung, db.AppConnectionString);
        var kopf = await KopfHashAsync(db.AppConnectionString);

        (await versiegelung.VersiegelnAsync(default)).ShouldBe(0);
        (await versiegelung.VersiegelnAsync(default)).ShouldBe(0);
        (await SiegelAsync(db.AppConnectionString)).Count.ShouldBe(5);

        await EinzelnEinfuegenAsync(db.AppConnectionString, 3, "Neu");
        (await AllesVersiegelnAsync(versiegelung, db.AppConnectionString)).ShouldBe(3);
        (await Sql.ScalarAsync<string>(db.AppConnectionString, "SELECT encode(vorgaenger_hash, 'hex') FROM audit_siegel WHERE nr = 6")).ShouldBe(kopf);
        (await new AuditPruefung(dataSource).PruefenAsync(default)).Ok.ShouldBeTrue();
        (await SiegelAsync(db.AppConnectionString)).Select(s => s.Nr).ShouldBe([1L, 2, 3, 4, 5, 6, 7, 8]);
    }

    /// <summary>
    /// A (older xid) writes and stays open, B (younger xid) writes and commits. The horizon is at most A's xid, so B's
    /// row is not sealed yet although it is committed: sealing it now would put it before A's row for good, and A's
    /// row, once committed, would have to go before it (or be skipped). After A commits, both are sealed, A's first.
    /// </summary>
    [Fact]
    public async Task VersiegelnAsync_WhenAnOlderTransactionCommitsLate_WaitsForItAndThenSealsBothInXidOrder()
    {
        await using var db = await NeueDatenbankAsync();
        await using var dataSource = NpgsqlDataSource.Create(db.AppConnectionString);
        var versiegelung = Versiegelung(dataSource);
        await EinzelnEinfuegenAsync(db.AppConnectionString, 3, "Vorher");
        await AllesVersiegelnAsync(versiegelung, db.AppConnectionString);

        await using var verbindungA = await dataSource.OpenConnectionAsync();
        await using var a = await verbindungA.BeginTransactionAsync();
        var zeileA = await EinfuegenAsync(verbindungA, "A", a);
        await using var verbindungB = await dataSource.OpenConnectionAsync();
        (long Id, ulong Xid) zeileB;
        await using (var b = await verbindungB.BeginTransactionAsync())
        {
            zeileB = await EinfuegenAsync(verbindungB, "B", b);
            await b.CommitAsync();
        }

        zeileA.Xid.ShouldBeLessThan(zeileB.Xid);
        (await versiegelung.VersiegelnAsync(default)).ShouldBe(0);
        (await versiegelung.VersiegelnAsync(default)).ShouldBe(0);
        (await SiegelAsync(db.AppConnectionString)).Select(s => s.AuditId).ShouldNotContain(zeileB.Id);

        await a.CommitAsync();
        (await AllesVersiegelnAsync(versiegelung, db.AppConnectionString)).ShouldBe(2);

        var siegel = await SiegelAsync(db.AppConnectionString);
        siegel.Select(s => s.AuditId).ShouldBe(await IdsInTransaktionsreihenfolgeAsync(db.AppConnectionString));
        siegel.Skip(3).Select(s => s.AuditId).ShouldBe([zeileA.Id, zeileB.Id]);
        (await new AuditPruefung(dataSource).PruefenAsync(default)).Ok.ShouldBeTrue();
    }

    /// <summary>The mirror case: A (older xid) commits, B (younger xid) stays open. A's row is sealed, B's only once B commits.</summary>
    [Fact]
    public async Task VersiegelnAsync_WhenAYoungerTransactionIsStillOpen_SealsTheOlderRowNowAndTheYoungerOneAfterItsCommit()
    {
        await using var db = await NeueDatenbankAsync();
        await using var dataSource = NpgsqlDataSource.Create(db.AppConnectionString);
        var versiegelung = Versiegelung(dataSource);
        await using var verbindungA = await dataSource.OpenConnectionAsync();
        await using var verbindungB = await dataSource.OpenConnectionAsync();
        (long Id, ulong Xid) zeileA;
        await using (var a = await verbindungA.BeginTransactionAsync())
        {
            zeileA = await EinfuegenAsync(verbindungA, "A", a);
            await a.CommitAsync();
        }

        await using var b = await verbindungB.BeginTransactionAsync();
        var zeileB = await EinfuegenAsync(verbindungB, "B", b);

        await WartenBisAsync(async () =>
        {
            await versiegelung.VersiegelnAsync(default);
            return (await SiegelAsync(db.AppConnectionString)).Count == 1;
        });
        (await versiegelung.VersiegelnAsync(default)).ShouldBe(0);
        (await SiegelAsync(db.AppConnectionString)).ShouldBe([(1L, zeileA.Id)]);

        await b.CommitAsync();
        (await AllesVersiegelnAsync(versiegelung, db.AppConnectionString)).ShouldBe(1);
        (await SiegelAsync(db.AppConnectionString)).ShouldBe([(1L, zeileA.Id), (2L, zeileB.Id)]);
        (await new AuditPruefung(dataSource).PruefenAsync(default)).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task VersiegelnAsync_WhenTwoInstancesSealConcurrentlyWhileRowsArrive_SealsEveryRowExactlyOnce()
    {
        await using var db = await NeueDatenbankAsync();
        await using var dataSourceEins = NpgsqlDataSource.Create(db.AppConnectionString);
        await using var dataSourceZwei = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(db.AppConnectionString) { ApplicationName = "zweite-instanz" }.ConnectionString);
        var instanzen = new[] { Versiegelung(dataSourceEins), Versiegelung(dataSourceZwei) };
        using var ende = new CancellationTokenSource(TimeSpan.FromSeconds(2));

        var schreiben = Enumerable.Range(0, 3).Select(w => Task.Run(async () =>
        {
            await using var verbindung = await dataSourceEins.OpenConnectionAsync();
            var i = 0;
            while (!ende.IsCancellationRequested)
            {
                await using var t = await verbindung.BeginTransactionAsync();
                await EinfuegenAsync(verbindung, $"W{w}.{i++}", t);
                await EinfuegenAsync(verbindung, $"W{w}.{i++}", t);
                await t.CommitAsync();
            }
        })).ToList();
        using var start = new Barrier(2);
        var versiegeln = instanzen.Select(v => Task.Run(async () =>
        {
            start.SignalAndWait();
            var summe = 0;
            while (!ende.IsCancellationRequested)
            {
                summe += await v.VersiegelnAsync(default);
            }

            return summe;
        })).ToList();

        await Task.WhenAll(schreiben);
        var gesiegelt = (await Task.WhenAll(versiegeln)).Sum();
        gesiegelt += await AllesVersiegelnAsync(instanzen[0], db.AppConnectionString);

        var zeilen = await Sql.ScalarAsync<long>(db.AppConnectionString, "SELECT count(*) FROM audit_protokoll");
        zeilen.ShouldBeGreaterThan(100);
        gesiegelt.ShouldBe((int)zeilen, "the runs' counts add up to the rows: nothing sealed twice");
        var siegel = await SiegelAsync(db.AppConnectionString);
        siegel.Select(s => s.Nr).ShouldBe(Enumerable.Range(1, (int)zeilen).Select(n => (long)n));
        siegel.Select(s => s.AuditId).ShouldBe(await IdsInTransaktionsreihenfolgeAsync(db.AppConnectionString));
        (await new AuditPruefung(dataSourceZwei).PruefenAsync(default)).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task ExecuteAsync_WhenRunningAsAHostedService_SealsNewRowsWithinSeconds()
    {
        await using var db = await NeueDatenbankAsync();
        await using var dataSource = NpgsqlDataSource.Create(db.AppConnectionString);
        using var versiegelung = new AuditVersiegelung(dataSource, Microsoft.Extensions.Logging.Abstractions.NullLogger<AuditVersiegelung>.Instance) { Intervall = TimeSpan.FromMilliseconds(100) };
        await versiegelung.StartAsync(default);

        await EinzelnEinfuegenAsync(db.AppConnectionString, 10);
        await WartenBisAsync(async () => await Sql.ScalarAsync<long>(db.AppConnectionString, UnversiegeltSql) == 0);
        await versiegelung.StopAsync(default);

        (await SiegelAsync(db.AppConnectionString)).Count.ShouldBe(10);
    }

    internal static Task<string> KopfHashAsync(string connectionString) =>
        Sql.ScalarAsync<string>(connectionString, "SELECT encode(hash, 'hex') FROM audit_siegel ORDER BY nr DESC LIMIT 1");
}
