using Kim.Casemanagement.Domain.Rechtsregeln;
using Kim.Casemanagement.Infrastructure.Audit;
using Kim.Casemanagement.Infrastructure.Tests.Database;
using Kim.Casemanagement.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using static Kim.Casemanagement.Infrastructure.Tests.Audit.AuditSchreiberTests;
using static Kim.Casemanagement.Infrastructure.Tests.Audit.AuditTestDaten;

namespace Kim.Casemanagement.Infrastructure.Tests.Audit;

/// <summary>
/// Audit retention by segments (ADR 0006) on a real PostgreSQL: expired segments leave through the proper path and
/// verify-audit still reports intact; a superuser's change or deletion of a kept row, a removal behind the function's
/// back and a segment marked removed but kept are reported; the app role cannot remove young rows; a broken chain
/// stops the removal; several instances remove each segment once.
/// </summary>
public sealed class AuditAufbewahrungTests
{
    private static readonly DateTimeOffset Alt2020 = new(2020, 1, 10, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Alt2021 = new(2021, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task LaufAsync_WhenTwoSegmentsArePastTheAuditPeriod_RemovesExactlyThoseAndVerifyAuditReportsIntact()
    {
        await using var kette = await SegmentierteKetteAsync();

        var ergebnis = await kette.Aufbewahrung().LaufAsync(trocken: false, geplant: false, default);

        ergebnis.Status.ShouldBe(AuditAufbewahrungsstatus.Erledigt);
        ergebnis.Frist.ShouldBe(new Frist(2, 0, 0, 0));
        ergebnis.EntfernteAbschnitte.ShouldBe(2);
        ergebnis.EntfernteZeilen.ShouldBe(7);
        ergebnis.Pruefung!.Ok.ShouldBeTrue("the chain was verified before anything was removed");
        (await Sql.ColumnAsync<long>(kette.Db.AppConnectionString, "SELECT nr FROM audit_siegel ORDER BY nr")).ShouldBe([8L, 9, 10, 11, 12]);
        (await Sql.ScalarAsync<long>(kette.Db.AppConnectionString, "SELECT count(*) FROM audit_protokoll")).ShouldBe(5);
        (await Sql.ScalarAsync<long>(kette.Db.AppConnectionString, "SELECT count(*) FROM audit_protokoll WHERE zeitpunkt < '2022-01-01'")).ShouldBe(0);
        (await Sql.ColumnAsync<bool>(kette.Db.AppConnectionString, "SELECT entfernt_am IS NOT NULL FROM audit_pruefpunkte ORDER BY abschnitt")).ShouldBe([true, true, false]);

        var pruefung = await kette.PruefenAsync();
        pruefung.Ok.ShouldBeTrue();
        pruefung.GepruefteSiegel.ShouldBe(5);
        pruefung.EntfernteAbschnitte.ShouldBe(2);
        pruefung.EntfernteZeilen.ShouldBe(7);
        pruefung.AnkerNr.ShouldBe(7);
        pruefung.AnkerHash.ShouldBe(kette.HashVorEntfernen[7]);
        pruefung.KopfNr.ShouldBe(12);
        pruefung.KopfHash.ShouldBe(kette.HashVorEntfernen[12], "removing old segments does not change the head hash anchored outside");

        using var ausgabe = new StringWriter();
        (await AuditKommando.VerifyAsync(kette.Db.OwnerConnectionString, ausgabe, default)).ShouldBe(AuditKommando.Intakt);
        ausgabe.ToString().ShouldContain("Audit-Kette intakt: 5 Siegel geprüft.");
        ausgabe.ToString().ShouldContain("Nach Ablauf der Aufbewahrungsfrist entfernt: 2 Abschnitte mit 7 Zeilen (bis Nr 7).");
    }

    [Fact]
    public async Task PruefenAsync_WhenTheSuperuserUpdatesAKeptRowAfterTheRemoval_ReportsThatRow()
    {
        await using var kette = await SegmentierteKetteAsync();
        await kette.Aufbewahrung().LaufAsync(trocken: false, geplant: false, default);

        await kette.AlsSuperuserAsync($"UPDATE audit_protokoll SET benutzer_id = 'jemand.anderes' WHERE id = {kette.AuditId(10)}");

        var ergebnis = await kette.PruefenAsync();
        ergebnis.Ok.ShouldBeFalse();
        ergebnis.ErsterBruch.ShouldBe(new AuditBruch(10, kette.AuditId(10), AuditBruch.ZeileVeraendert));
        ergebnis.GepruefteSiegel.ShouldBe(2);
        using var ausgabe = new StringWriter();
        (await AuditKommando.VerifyAsync(kette.Db.AppConnectionString, ausgabe, default)).ShouldBe(AuditKommando.Gebrochen);
    }

    [Fact]
    public async Task PruefenAsync_WhenTheSuperuserUpdatesTheFirstKeptRow_ReportsIt()
    {
        // The first kept link continues the hash its removed predecessor's checkpoint recorded.
        await using var kette = await SegmentierteKetteAsync();
        await kette.Aufbewahrung().LaufAsync(trocken: false, geplant: false, default);

        await kette.AlsSuperuserAsync($"UPDATE audit_protokoll SET ergebnis = 403 WHERE id = {kette.AuditId(8)}");

        (await kette.PruefenAsync()).ErsterBruch.ShouldBe(new AuditBruch(8, kette.AuditId(8), AuditBruch.ZeileVeraendert));
    }

    [Fact]
    public async Task PruefenAsync_WhenTheSuperuserDeletesAKeptRowInTheMiddle_ReportsIt()
    {
        await using var kette = await SegmentierteKetteAsync();
        await kette.Aufbewahrung().LaufAsync(trocken: false, geplant: false, default);

        await kette.AlsSuperuserAsync($"""
            BEGIN;
            SET LOCAL session_replication_role = replica;
            DELETE FROM audit_protokoll WHERE id = {kette.AuditId(9)};
            COMMIT;
            """);

        (await kette.PruefenAsync()).ErsterBruch.ShouldBe(new AuditBruch(9, kette.AuditId(9), AuditBruch.ZeileGeloescht));
    }

    [Fact]
    public async Task PruefenAsync_WhenTheSuperuserDeletesAKeptRowWithItsSeal_ReportsTheGap()
    {
        await using var kette = await SegmentierteKetteAsync();
        await kette.Aufbewahrung().LaufAsync(trocken: false, geplant: false, default);

        await kette.AlsSuperuserAsync($"DELETE FROM audit_siegel WHERE nr = 11; DELETE FROM audit_protokoll WHERE id = {kette.AuditId(11)};");

        var ergebnis = await kette.PruefenAsync();
        ergebnis.Ok.ShouldBeFalse();
        ergebnis.ErsterBruch.ShouldBe(new AuditBruch(11, null, AuditBruch.Luecke));
    }

    [Fact]
    public async Task PruefenAsync_WhenTheSuperuserDeletesTheKeptLinksAfterTheLastCheckpoint_ReportsTheGap()
    {
        // Truncating the chain down to a checkpoint's end is no longer silent: the checkpoint names a link that is gone.
        await using var kette = await SegmentierteKetteAsync();
        await kette.AlsSuperuserAsync($"""
            DELETE FROM audit_siegel WHERE nr >= 9;
            DELETE FROM audit_protokoll WHERE id IN ({kette.AuditId(9)}, {kette.AuditId(10)}, {kette.AuditId(11)}, {kette.AuditId(12)});
            """);

        (await kette.PruefenAsync()).ErsterBruch.ShouldBe(new AuditBruch(9, null, AuditBruch.Luecke));
    }

    [Fact]
    public async Task PruefenAsync_WhenAnExpiredSegmentIsDeletedBehindTheFunctionsBack_ReportsIt()
    {
        await using var kette = await SegmentierteKetteAsync();
        await kette.AlsSuperuserAsync($"""
            DELETE FROM audit_siegel WHERE nr <= 4;
            DELETE FROM audit_protokoll WHERE id IN ({kette.AuditId(1)}, {kette.AuditId(2)}, {kette.AuditId(3)}, {kette.AuditId(4)});
            """);

        var ergebnis = await kette.PruefenAsync();
        ergebnis.Ok.ShouldBeFalse("only a removal through audit_abschnitte_entfernen leaves a checkpoint marked as removed");
        ergebnis.ErsterBruch.ShouldBe(new AuditBruch(1, null, AuditBruch.Luecke));
    }

    [Fact]
    public async Task PruefenAsync_WhenAKeptSegmentIsMarkedRemovedToSkipItsVerification_ReportsIt()
    {
        await using var kette = await SegmentierteKetteAsync();
        await kette.Aufbewahrung().LaufAsync(trocken: false, geplant: false, default);

        await kette.AlsSuperuserAsync($"""
            UPDATE audit_protokoll SET aktion = 'Fall.Harmlos' WHERE id = {kette.AuditId(9)};
            UPDATE audit_pruefpunkte SET entfernt_am = now() WHERE abschnitt = 3;
            """);

        (await kette.PruefenAsync()).ErsterBruch.ShouldBe(new AuditBruch(8, kette.AuditId(8), AuditBruch.AbschnittNichtEntfernt));
    }

    [Fact]
    public async Task PruefenAsync_WhenACheckpointHashWasChanged_ReportsTheCheckpoint()
    {
        await using var kette = await SegmentierteKetteAsync();
        await kette.AlsSuperuserAsync("UPDATE audit_pruefpunkte SET hash = sha256('gefaelscht') WHERE abschnitt = 2");

        (await kette.PruefenAsync()).ErsterBruch.ShouldBe(new AuditBruch(7, kette.AuditId(7), AuditBruch.PruefpunktVeraendert));
    }

    [Fact]
    public async Task LaufAsync_WhenAnExpiredRowWasChanged_RemovesNothingAndKeepsTheEvidence()
    {
        await using var kette = await SegmentierteKetteAsync();
        await kette.AlsSuperuserAsync($"UPDATE audit_protokoll SET benutzer_id = 'jemand.anderes' WHERE id = {kette.AuditId(2)}");

        var ergebnis = await kette.Aufbewahrung().LaufAsync(trocken: false, geplant: false, default);

        ergebnis.Status.ShouldBe(AuditAufbewahrungsstatus.KetteGebrochen);
        ergebnis.FaelligeAbschnitte.ShouldBe(2);
        ergebnis.EntfernteAbschnitte.ShouldBe(0);
        (await Sql.ScalarAsync<long>(kette.Db.AppConnectionString, "SELECT count(*) FROM audit_protokoll")).ShouldBe(12);
        (await kette.PruefenAsync()).ErsterBruch.ShouldBe(new AuditBruch(2, kette.AuditId(2), AuditBruch.ZeileVeraendert));
    }

    [Fact]
    public async Task AuditAbschnitteEntfernen_WhenTheAppRoleAsksForACutOffYoungerThanTheFloor_RefusesAndRemovesNothing()
    {
        await using var kette = await SegmentierteKetteAsync();

        var ex = await Should.ThrowAsync<PostgresException>(() =>
            Sql.ExecuteAsync(kette.Db.AppConnectionString, "SELECT * FROM audit_abschnitte_entfernen(now(), 100)"));

        ex.SqlState.ShouldBe("KIM02");
        (await Sql.ScalarAsync<long>(kette.Db.AppConnectionString, "SELECT count(*) FROM audit_protokoll")).ShouldBe(12);
    }

    [Fact]
    public async Task AuditAbschnitteEntfernen_WhenAnExpiredSegmentIsIncomplete_RefusesAndRemovesNothing()
    {
        await using var kette = await SegmentierteKetteAsync();
        await kette.AlsSuperuserAsync($"DELETE FROM audit_siegel WHERE nr = 6; DELETE FROM audit_protokoll WHERE id = {kette.AuditId(6)};");

        var ex = await Should.ThrowAsync<PostgresException>(() =>
            Sql.ExecuteAsync(kette.Db.AppConnectionString, "SELECT * FROM audit_abschnitte_entfernen(now() - interval '3 years', 100)"));

        ex.SqlState.ShouldBe("KIM03");
        (await Sql.ScalarAsync<long>(kette.Db.AppConnectionString, "SELECT count(*) FROM audit_protokoll")).ShouldBe(11, "the transaction rolled back, segment 1 included");
    }

    [Fact]
    public async Task AppRole_StillCannotDeleteAuditRowsOrChangeCheckpoints()
    {
        await using var kette = await SegmentierteKetteAsync();

        foreach (var sql in new[]
        {
            "DELETE FROM audit_protokoll",
            "DELETE FROM audit_siegel",
            "UPDATE audit_pruefpunkte SET entfernt_am = now()",
            "INSERT INTO audit_pruefpunkte (abschnitt, bis_nr, hash, anzahl, bis_xid, erstellt_am) VALUES (9, 99, '\\x00', 1, '1', now())",
            "UPDATE audit_aufbewahrung SET mindestens = interval '0'",
        })
        {
            (await Should.ThrowAsync<PostgresException>(() => Sql.ExecuteAsync(kette.Db.AppConnectionString, sql))).SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege, sql);
        }
    }

    [Fact]
    public async Task LaufAsync_AsADryRun_ReportsTheDueSegmentsAndRemovesNothing()
    {
        await using var kette = await SegmentierteKetteAsync();

        var ergebnis = await kette.Aufbewahrung().LaufAsync(trocken: true, geplant: false, default);

        ergebnis.FaelligeAbschnitte.ShouldBe(2);
        ergebnis.FaelligeZeilen.ShouldBe(7);
        ergebnis.EntfernteAbschnitte.ShouldBe(0);
        (await Sql.ScalarAsync<long>(kette.Db.AppConnectionString, "SELECT count(*) FROM audit_protokoll")).ShouldBe(12);
    }

    [Fact]
    public async Task LaufAsync_WhenAKommuneShortensThePeriodByANewRow_RemovesTheSegmentsDueUnderTheNewPeriod()
    {
        // A period in months that puts today's cut-off in mid-2020: only the 2020 segment is due, whatever day the test runs.
        await using var kette = await SegmentierteKetteAsync();
        var heute = DateTime.UtcNow;
        var monate = ((heute.Year - 2020) * 12) + heute.Month - 7;
        var regeln = Rechtsregeltabelle.Standard.MitErsetzten([new Rechtsregel("Aufbewahrung.Auditprotokoll", new DateOnly(2020, 1, 1), null, $"P{monate}M", "Beschluss der Kommune (Test)")]);

        var ergebnis = await kette.Aufbewahrung(regeln).LaufAsync(trocken: false, geplant: false, default);

        ergebnis.EntfernteAbschnitte.ShouldBe(1);
        ergebnis.EntfernteZeilen.ShouldBe(4);
        (await kette.PruefenAsync()).ShouldSatisfyAllConditions(p => p.Ok.ShouldBeTrue(), p => p.AnkerNr.ShouldBe(4));
    }

    [Fact]
    public async Task LaufAsync_WhenTwoInstancesRunAtOnce_RemovesEachSegmentOnce()
    {
        await using var kette = await SegmentierteKetteAsync();
        await using var zweite = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(kette.Db.AppConnectionString) { ApplicationName = "zweite-instanz" }.ConnectionString);
        var instanzen = new[] { kette.Aufbewahrung(), Neu(zweite, Rechtsregeltabelle.Standard), kette.Aufbewahrung() };

        var ergebnisse = await Task.WhenAll(instanzen.Select(i => Task.Run(() => i.LaufAsync(trocken: false, geplant: true, default))));

        ergebnisse.Sum(e => e.EntfernteAbschnitte).ShouldBe(2);
        ergebnisse.Sum(e => e.EntfernteZeilen).ShouldBe(7);
        (await kette.PruefenAsync()).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task Versiegelung_WhenEverySegmentWasRemoved_ContinuesTheChainFromTheLastCheckpoint()
    {
        await using var db = await NeueDatenbankAsync();
        await using var dataSource = NpgsqlDataSource.Create(db.AppConnectionString);
        var versiegelung = Versiegelung(dataSource);
        await AltEinfuegenAsync(db.AppConnectionString, Alt2020, 3);
        await AllesVersiegelnAsync(versiegelung, db.AppConnectionString);
        var aufbewahrung = Neu(dataSource, Rechtsregeltabelle.Standard, abschnittsdauer: TimeSpan.Zero);

        var erster = await aufbewahrung.LaufAsync(trocken: false, geplant: false, default);
        erster.NeuerAbschnitt.ShouldBe(1);
        erster.EntfernteZeilen.ShouldBe(3);
        (await Sql.ScalarAsync<long>(db.AppConnectionString, "SELECT count(*) FROM audit_siegel")).ShouldBe(0);

        await EinzelnEinfuegenAsync(db.AppConnectionString, 2, "Neu");
        await AllesVersiegelnAsync(versiegelung, db.AppConnectionString);

        (await Sql.ColumnAsync<long>(db.AppConnectionString, "SELECT nr FROM audit_siegel ORDER BY nr")).ShouldBe([4L, 5]);
        var pruefung = await new AuditPruefung(dataSource).PruefenAsync(default);
        pruefung.Ok.ShouldBeTrue();
        pruefung.GepruefteSiegel.ShouldBe(2);
        pruefung.AnkerNr.ShouldBe(3);
        (await aufbewahrung.LaufAsync(trocken: false, geplant: false, default)).NeuerAbschnitt.ShouldBe(2);
        (await aufbewahrung.LaufAsync(trocken: false, geplant: false, default)).NeuerAbschnitt.ShouldBeNull("the head has not moved");
    }

    [Fact]
    public async Task AufbewahrenAsync_AsACommandWithTheAppRole_PrintsWhatItRemovedInGerman()
    {
        await using var kette = await SegmentierteKetteAsync();
        using var probe = new StringWriter();
        using var ausgabe = new StringWriter();

        (await AuditKommando.AufbewahrenAsync(kette.Db.AppConnectionString, Rechtsregeltabelle.Standard, trocken: true, probe, NullLoggerFactory.Instance, default)).ShouldBe(0);
        (await AuditKommando.AufbewahrenAsync(kette.Db.AppConnectionString, Rechtsregeltabelle.Standard, trocken: false, ausgabe, NullLoggerFactory.Instance, default)).ShouldBe(0);

        probe.ToString().ShouldContain("Probelauf: 2 Abschnitte mit 7 Zeilen würden entfernt.");
        ausgabe.ToString().ShouldContain("Aufbewahrungsfrist P2Y");
        ausgabe.ToString().ShouldContain("Entfernt: 2 Abschnitte mit 7 Zeilen.");
    }

    /// <summary>
    /// Twelve sealed rows in three segments and an open tail: segment 1 = links 1-4 (rows of 2020), segment 2 = 5-7
    /// (2021), segment 3 = 8-10 (now), tail 11-12 (now, no checkpoint yet). With the standard period (2 years) segments
    /// 1 and 2 are due.
    /// </summary>
    private static async Task<SegmentKette> SegmentierteKetteAsync()
    {
        var db = await NeueDatenbankAsync();
        var dataSource = NpgsqlDataSource.Create(db.AppConnectionString);
        var versiegelung = Versiegelung(dataSource);
        async Task AbschnittAsync(DateTimeOffset? zeitpunkt, int anzahl, bool pruefpunkt)
        {
            if (zeitpunkt is { } z)
            {
                await AltEinfuegenAsync(db.AppConnectionString, z, anzahl);
            }
            else
            {
                await EinzelnEinfuegenAsync(db.AppConnectionString, anzahl, "Jetzt");
            }

            await AllesVersiegelnAsync(versiegelung, db.AppConnectionString);
            if (pruefpunkt)
            {
                await Sql.ExecuteAsync(db.AppConnectionString, "SELECT * FROM audit_pruefpunkt_setzen()");
            }
        }

        await AbschnittAsync(Alt2020, 4, true);
        await AbschnittAsync(Alt2021, 3, true);
        await AbschnittAsync(null, 3, true);
        await AbschnittAsync(null, 2, false);
        var siegel = await SiegelAsync(db.AppConnectionString);
        siegel.Count.ShouldBe(12);
        var hashes = new Dictionary<long, string>();
        await using (var verbindung = await dataSource.OpenConnectionAsync())
        await using (var befehl = new NpgsqlCommand("SELECT nr, encode(hash, 'hex') FROM audit_siegel", verbindung))
        await using (var reader = await befehl.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                hashes[reader.GetInt64(0)] = reader.GetString(1);
            }
        }

        return new SegmentKette(db, dataSource, siegel.ToDictionary(s => s.Nr, s => s.AuditId), hashes);
    }

    /// <summary>Inserts <paramref name="anzahl"/> rows with an old time, each in its own transaction, as the app role.</summary>
    private static async Task AltEinfuegenAsync(string connectionString, DateTimeOffset zeitpunkt, int anzahl)
    {
        await using var verbindung = new NpgsqlConnection(connectionString);
        await verbindung.OpenAsync();
        for (var i = 1; i <= anzahl; i++)
        {
            await using var befehl = new NpgsqlCommand(
                "INSERT INTO audit_protokoll (zeitpunkt, benutzer_id, rollen, aktion, ergebnis) VALUES ($1, 'fm.test', 'Fallmanagement', $2, 200)",
                verbindung);
            befehl.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = zeitpunkt.AddMinutes(i) });
            befehl.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"Fall.Lesen.{zeitpunkt.Year}.{i}" });
            await befehl.ExecuteNonQueryAsync();
        }
    }

    private static AuditAufbewahrung Neu(NpgsqlDataSource dataSource, Rechtsregeltabelle regeln, TimeSpan? abschnittsdauer = null) =>
        new(dataSource, regeln, TimeProvider.System, NullLogger<AuditAufbewahrung>.Instance) { Abschnittsdauer = abschnittsdauer ?? TimeSpan.FromDays(1), AbschnitteJeTransaktion = 1 };

    private sealed class SegmentKette(TestDatabase db, NpgsqlDataSource dataSource, Dictionary<long, long> auditIds, Dictionary<long, string> hashes) : IAsyncDisposable
    {
        public TestDatabase Db => db;

        /// <summary>Every link's hash (hex) before anything was removed.</summary>
        public Dictionary<long, string> HashVorEntfernen => hashes;

        public long AuditId(long nr) => auditIds[nr];

        /// <summary>The job with the standard rule table; one segment per transaction, so that a run needs several.</summary>
        public AuditAufbewahrung Aufbewahrung(Rechtsregeltabelle? regeln = null) => Neu(dataSource, regeln ?? Rechtsregeltabelle.Standard);

        public Task<AuditPruefergebnis> PruefenAsync() => new AuditPruefung(dataSource).PruefenAsync(default);

        public Task AlsSuperuserAsync(string sql) => Sql.ExecuteAsync(db.SuperuserConnectionString, sql);

        public async ValueTask DisposeAsync()
        {
            await dataSource.DisposeAsync();
            await db.DisposeAsync();
        }
    }
}
