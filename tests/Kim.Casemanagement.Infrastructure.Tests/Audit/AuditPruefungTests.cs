using Kim.Casemanagement.Infrastructure.Audit;
using Kim.Casemanagement.Infrastructure.Tests.Database;
using Kim.Casemanagement.Testing;
using Npgsql;
using static Kim.Casemanagement.Infrastructure.Tests.Audit.AuditSchreiberTests;
using static Kim.Casemanagement.Infrastructure.Tests.Audit.AuditTestDaten;
using static Kim.Casemanagement.Infrastructure.Tests.Audit.AuditVersiegelungTests;

namespace Kim.Casemanagement.Infrastructure.Tests.Audit;

/// <summary>
/// The verification finds tampering done behind the app's back as the superuser, one kind per test, and reports the
/// first broken link with its Nr, audit id and reason.
/// </summary>
public sealed class AuditPruefungTests
{
    [Fact]
    public async Task PruefenAsync_WhenTheChainIsIntact_ReportsOkWithTheCountAndTheHeadAnyoneCanRecompute()
    {
        await using var kette = await KetteAsync();

        var ergebnis = await kette.PruefenAsync();

        ergebnis.Ok.ShouldBeTrue();
        ergebnis.ErsterBruch.ShouldBeNull();
        ergebnis.GepruefteSiegel.ShouldBe(10);
        ergebnis.UnversiegelteAlteZeilen.ShouldBe(0);
        ergebnis.KopfNr.ShouldBe(10);
        ergebnis.KopfHash.ShouldBe(await kette.NachgerechneterKopfAsync());
    }

    [Fact]
    public async Task PruefenAsync_WhenNothingIsSealedYet_ReportsOkWithAnEmptyHead()
    {
        await using var db = await NeueDatenbankAsync();
        await using var dataSource = NpgsqlDataSource.Create(db.AppConnectionString);
        await EinzelnEinfuegenAsync(db.AppConnectionString, 2);

        (await new AuditPruefung(dataSource).PruefenAsync(default)).ShouldBe(new AuditPruefergebnis(0, null, 0, 0, string.Empty));
    }

    [Fact]
    public async Task PruefenAsync_WhenRowsArrivedAfterTheLastSeal_StillReportsOk()
    {
        await using var kette = await KetteAsync();
        await EinzelnEinfuegenAsync(kette.Datenbank.AppConnectionString, 3, "Spaeter");

        var ergebnis = await kette.PruefenAsync();

        ergebnis.Ok.ShouldBeTrue("young rows wait for the next sealing run; that is not tampering");
        ergebnis.GepruefteSiegel.ShouldBe(10);
    }

    [Fact]
    public async Task PruefenAsync_WhenASealedRowWasUpdated_ReportsThatRowAsChanged()
    {
        await using var kette = await KetteAsync();
        await kette.AlsSuperuserAsync($"UPDATE audit_protokoll SET aktion = 'Fall.Harmlos' WHERE id = {kette.AuditId(4)}");

        var ergebnis = await kette.PruefenAsync();

        ergebnis.Ok.ShouldBeFalse();
        ergebnis.ErsterBruch.ShouldBe(new AuditBruch(4, kette.AuditId(4), AuditBruch.ZeileVeraendert));
        ergebnis.GepruefteSiegel.ShouldBe(3);
        ergebnis.KopfNr.ShouldBe(10);
    }

    [Fact]
    public async Task PruefenAsync_WhenTheXidOfASealedRowWasUpdated_ReportsThatRowAsChanged()
    {
        await using var kette = await KetteAsync();
        await kette.AlsSuperuserAsync($"UPDATE audit_protokoll SET xid = '3' WHERE id = {kette.AuditId(6)}");

        (await kette.PruefenAsync()).ErsterBruch.ShouldBe(new AuditBruch(6, kette.AuditId(6), AuditBruch.ZeileVeraendert));
    }

    [Fact]
    public async Task PruefenAsync_WhenASealedRowWasDeleted_ReportsThatRowAsDeleted()
    {
        await using var kette = await KetteAsync();

        // The foreign key from audit_siegel protects sealed rows; a superuser can switch it off.
        await kette.AlsSuperuserAsync($"""
            BEGIN;
            SET LOCAL session_replication_role = replica;
            DELETE FROM audit_protokoll WHERE id = {kette.AuditId(5)};
            COMMIT;
            """);

        var ergebnis = await kette.PruefenAsync();

        ergebnis.ErsterBruch.ShouldBe(new AuditBruch(5, kette.AuditId(5), AuditBruch.ZeileGeloescht));
        ergebnis.GepruefteSiegel.ShouldBe(4);
    }

    [Fact]
    public async Task PruefenAsync_WhenTheHashOfASealWasUpdated_ReportsThatSealAsChanged()
    {
        await using var kette = await KetteAsync();
        await kette.AlsSuperuserAsync("UPDATE audit_siegel SET hash = sha256('gefaelscht') WHERE nr = 7");

        (await kette.PruefenAsync()).ErsterBruch.ShouldBe(new AuditBruch(7, kette.AuditId(7), AuditBruch.SiegelVeraendert));
    }

    [Fact]
    public async Task PruefenAsync_WhenASealInTheMiddleWasDeleted_ReportsTheGapAndTheRowThatLostItsSeal()
    {
        await using var kette = await KetteAsync();
        await kette.AlsSuperuserAsync("DELETE FROM audit_siegel WHERE nr = 5");

        var ergebnis = await kette.PruefenAsync();

        ergebnis.ErsterBruch.ShouldBe(new AuditBruch(5, null, AuditBruch.Luecke));
        ergebnis.GepruefteSiegel.ShouldBe(4);
        ergebnis.UnversiegelteAlteZeilen.ShouldBe(1);
    }

    [Fact]
    public async Task PruefenAsync_WhenTwoSealsSwappedPlaces_ReportsTheReordering()
    {
        await using var kette = await KetteAsync();
        await kette.AlsSuperuserAsync("""
            UPDATE audit_siegel SET nr = 1000 WHERE nr = 4;
            UPDATE audit_siegel SET nr = 4 WHERE nr = 5;
            UPDATE audit_siegel SET nr = 5 WHERE nr = 1000;
            """);

        (await kette.PruefenAsync()).ErsterBruch.ShouldBe(new AuditBruch(4, kette.AuditId(5), AuditBruch.ReihenfolgeVeraendert));
    }

    [Fact]
    public async Task PruefenAsync_WhenTwoRowsSwappedTheirContent_ReportsTheFirstAsChanged()
    {
        await using var kette = await KetteAsync();
        await kette.AlsSuperuserAsync($"""
            UPDATE audit_protokoll a SET aktion = b.aktion FROM audit_protokoll b
            WHERE (a.id, b.id) IN (({kette.AuditId(2)}, {kette.AuditId(3)}), ({kette.AuditId(3)}, {kette.AuditId(2)}))
            """);

        (await kette.PruefenAsync()).ErsterBruch.ShouldBe(new AuditBruch(2, kette.AuditId(2), AuditBruch.ZeileVeraendert));
    }

    [Fact]
    public async Task PruefenAsync_WhenSeveralLinksAreBroken_ReportsTheFirst()
    {
        await using var kette = await KetteAsync();
        await kette.AlsSuperuserAsync($"""
            UPDATE audit_protokoll SET ergebnis = 200 WHERE id = {kette.AuditId(8)};
            DELETE FROM audit_siegel WHERE nr = 6;
            UPDATE audit_siegel SET zeilen_hash = sha256('x') WHERE nr = 3;
            """);

        var ergebnis = await kette.PruefenAsync();

        ergebnis.ErsterBruch.ShouldBe(new AuditBruch(3, kette.AuditId(3), AuditBruch.SiegelVeraendert));
        ergebnis.GepruefteSiegel.ShouldBe(2);
    }

    [Fact]
    public async Task PruefenAsync_WhenARowWasInsertedBehindTheSealersBackWithAnOldXid_ReportsItAsUnsealedAndItStaysUnsealed()
    {
        await using var kette = await KetteAsync();
        await kette.AlsSuperuserAsync($"""
            INSERT INTO audit_protokoll (xid, zeitpunkt, benutzer_id, rollen, aktion, ergebnis)
            SELECT xid, zeitpunkt, 'fm.nachgetragen', rollen, 'Fall.Lesen', 200 FROM audit_protokoll WHERE id = {kette.AuditId(2)}
            """);

        var ergebnis = await kette.PruefenAsync();
        await Versiegelung(kette.DataSource).VersiegelnAsync(default);
        var danach = await kette.PruefenAsync();

        ergebnis.Ok.ShouldBeFalse();
        ergebnis.ErsterBruch.ShouldBeNull();
        ergebnis.GepruefteSiegel.ShouldBe(10);
        ergebnis.UnversiegelteAlteZeilen.ShouldBe(1);
        danach.UnversiegelteAlteZeilen.ShouldBe(1, "its xid is below the horizon, so the sealer can never take it in");
    }

    [Fact]
    public async Task PruefenAsync_WhenTheLastSealWasDeleted_ReportsItsRowAsUnsealed()
    {
        // Rows 9 and 10 share a transaction, hence a sealing run, hence a horizon above both.
        await using var kette = await KetteAsync();
        await kette.AlsSuperuserAsync("DELETE FROM audit_siegel WHERE nr = 10");

        var ergebnis = await kette.PruefenAsync();

        ergebnis.Ok.ShouldBeFalse();
        ergebnis.ErsterBruch.ShouldBeNull();
        ergebnis.UnversiegelteAlteZeilen.ShouldBe(1);
        ergebnis.KopfNr.ShouldBe(9);
    }

    [Fact]
    public async Task PruefenAsync_WhenTheChainIsLongerThanOneBatch_ChecksEveryLinkAndFindsABreakInALaterBatch()
    {
        await using var db = await NeueDatenbankAsync();
        await using var dataSource = NpgsqlDataSource.Create(db.AppConnectionString);
        await using (var schreiber = Schreiber(dataSource))
        {
            await schreiber.EinreihenAsync(Eintraege(12_000));
        }

        await AllesVersiegelnAsync(Versiegelung(dataSource), db.AppConnectionString);
        var pruefung = new AuditPruefung(dataSource);
        (await pruefung.PruefenAsync(default)).ShouldBe(new AuditPruefergebnis(12_000, null, 0, 12_000, await KopfHashAsync(db.AppConnectionString)));

        var id = await Sql.ScalarAsync<long>(db.AppConnectionString, "SELECT audit_id FROM audit_siegel WHERE nr = 11001");
        await Sql.ExecuteAsync(db.SuperuserConnectionString, $"UPDATE audit_protokoll SET detail = NULL WHERE id = {id}");

        var ergebnis = await pruefung.PruefenAsync(default);
        ergebnis.ErsterBruch.ShouldBe(new AuditBruch(11001, id, AuditBruch.ZeileVeraendert));
        ergebnis.GepruefteSiegel.ShouldBe(11000);
    }

    [Fact]
    public async Task PruefenAsync_AsTheOwnerRole_ComesToTheSameResult()
    {
        await using var kette = await KetteAsync();
        await using var owner = NpgsqlDataSource.Create(kette.Datenbank.OwnerConnectionString);

        (await new AuditPruefung(owner).PruefenAsync(default)).ShouldBe(await kette.PruefenAsync());
    }

    /// <summary>A database with ten sealed rows: 1 to 8 in their own transactions, 9 and 10 in one.</summary>
    internal static async Task<Kette> KetteAsync()
    {
        var db = await NeueDatenbankAsync();
        var dataSource = NpgsqlDataSource.Create(db.AppConnectionString);
        await EinzelnEinfuegenAsync(db.AppConnectionString, 8);
        await using (var verbindung = await dataSource.OpenConnectionAsync())
        await using (var transaktion = await verbindung.BeginTransactionAsync())
        {
            await EinfuegenAsync(verbindung, "Fall.Lesen.9", transaktion);
            await EinfuegenAsync(verbindung, "Fall.Lesen.10", transaktion);
            await transaktion.CommitAsync();
        }

        await AllesVersiegelnAsync(Versiegelung(dataSource), db.AppConnectionString);
        var siegel = await SiegelAsync(db.AppConnectionString);
        return new Kette(db, dataSource, siegel.ToDictionary(s => s.Nr, s => s.AuditId));
    }

    internal sealed class Kette(TestDatabase datenbank, NpgsqlDataSource dataSource, Dictionary<long, long> auditIds) : IAsyncDisposable
    {
        public TestDatabase Datenbank => datenbank;

        public NpgsqlDataSource DataSource => dataSource;

        public long AuditId(long nr) => auditIds[nr];

        public Task<AuditPruefergebnis> PruefenAsync() => new AuditPruefung(dataSource).PruefenAsync(default);

        public Task AlsSuperuserAsync(string sql) => Sql.ExecuteAsync(datenbank.SuperuserConnectionString, sql);

        /// <summary>The head hash recomputed from the rows alone (as read through the public query), independent of the stored seals.</summary>
        public async Task<string> NachgerechneterKopfAsync()
        {
            var seite = await new AuditAbfrage(dataSource).SuchenAsync(new AuditFilter { Groesse = AuditFilter.MaxGroesse }, default);
            var nachId = seite.Eintraege.ToDictionary(e => e.Id);
            var hash = AuditKette.Anfang;
            foreach (var nr in auditIds.Keys.Order())
            {
                hash = AuditKette.Verketten(hash, AuditKette.ZeilenHash(nachId[auditIds[nr]]));
            }

            return Convert.ToHexStringLower(hash);
        }

        public async ValueTask DisposeAsync()
        {
            await dataSource.DisposeAsync();
            await datenbank.DisposeAsync();
        }
    }
}
