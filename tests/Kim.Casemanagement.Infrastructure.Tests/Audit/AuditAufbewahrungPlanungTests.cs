using Kim.Casemanagement.Infrastructure.Audit;
using Kim.Casemanagement.Infrastructure.Tests.Benachrichtigungen;
using Kim.Casemanagement.Infrastructure.Tests.Database;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Kim.Casemanagement.Infrastructure.Tests.Audit.AuditSchreiberTests;
using static Kim.Casemanagement.Infrastructure.Tests.Audit.AuditTestDaten;

namespace Kim.Casemanagement.Infrastructure.Tests.Audit;

/// <summary>The scheduler's round (<c>TerminPruefung</c>, wired as in the app) runs the audit retention step.</summary>
public sealed class AuditAufbewahrungPlanungTests
{
    [Fact]
    public async Task TerminLauf_WhenSealedAuditRowsArePastTheirPeriod_ClosesASegmentAndRemovesIt()
    {
        await using var db = await NeueDatenbankAsync();
        await using var instanz = new Instanz(db.AppConnectionString, db.OwnerConnectionString, DateTimeOffset.UtcNow);
        await using (var verbindung = new NpgsqlConnection(db.AppConnectionString))
        {
            await verbindung.OpenAsync();
            await using var befehl = new NpgsqlCommand(
                "INSERT INTO audit_protokoll (zeitpunkt, benutzer_id, rollen, aktion, ergebnis) SELECT '2020-05-01T10:00:00Z'::timestamptz + g * interval '1 minute', 'fm.test', 'Fallmanagement', 'Fall.Lesen', 200 FROM generate_series(1, 5) g",
                verbindung);
            await befehl.ExecuteNonQueryAsync();
        }

        await using (var bereich = instanz.NeuerBereich())
        {
            await AllesVersiegelnAsync(bereich.ServiceProvider.GetRequiredService<AuditVersiegelung>(), db.AppConnectionString);
        }

        await instanz.Termine.LaufAsync(default);

        (await Sql.ScalarAsync<long>(db.AppConnectionString, "SELECT count(*) FROM audit_protokoll WHERE zeitpunkt < '2021-01-01'")).ShouldBe(0);
        (await Sql.ScalarAsync<long>(db.AppConnectionString, "SELECT count(*) FROM audit_pruefpunkte WHERE entfernt_am IS NOT NULL AND anzahl = 5")).ShouldBe(1);
        await using var dataSource = NpgsqlDataSource.Create(db.AppConnectionString);
        var pruefung = await new AuditPruefung(dataSource).PruefenAsync(default);
        pruefung.Ok.ShouldBeTrue();
        pruefung.EntfernteZeilen.ShouldBe(5);
    }
}
