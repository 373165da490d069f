using Kim.Casemanagement.Infrastructure.Tests.Database;
using Kim.Casemanagement.Testing;
using Npgsql;
using static Kim.Casemanagement.Infrastructure.Tests.Audit.AuditTestDaten;

namespace Kim.Casemanagement.Infrastructure.Tests.Audit;

/// <summary>The app role (kim_app, member of kim_anwendung) may INSERT and SELECT the audit tables and nothing else.</summary>
public sealed class AuditRechteTests(PostgresDatabaseFixture fixture) : IClassFixture<PostgresDatabaseFixture>
{
    [Theory]
    [InlineData("UPDATE audit_protokoll SET aktion = 'x'")]
    [InlineData("DELETE FROM audit_protokoll")]
    [InlineData("TRUNCATE audit_protokoll")]
    [InlineData("UPDATE audit_siegel SET hash = '\\x00'")]
    [InlineData("DELETE FROM audit_siegel")]
    [InlineData("TRUNCATE audit_siegel")]
    [InlineData("INSERT INTO audit_protokoll (xid, zeitpunkt, benutzer_id, rollen, aktion, ergebnis) VALUES ('3', now(), 'u', 'r', 'Fall.Lesen', 200)")]
    [InlineData("INSERT INTO audit_protokoll (id, zeitpunkt, benutzer_id, rollen, aktion, ergebnis) OVERRIDING SYSTEM VALUE VALUES (1, now(), 'u', 'r', 'Fall.Lesen', 200)")]
    public async Task AppRole_WhenItTriesToChangeDeleteOrForgeAuditData_IsRefusedWith42501(string sql)
    {
        await EinzelnEinfuegenAsync(fixture.AppConnectionString, 1, "Rechte");

        var fehler = await Should.ThrowAsync<PostgresException>(() => Sql.ExecuteAsync(fixture.AppConnectionString, sql));

        fehler.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
    }

    [Fact]
    public async Task AppRole_WhenItInsertsAndSelectsAuditRowsAndSeals_Succeeds()
    {
        await using var verbindung = new NpgsqlConnection(fixture.AppConnectionString);
        await verbindung.OpenAsync();
        var (id, xid) = await EinfuegenAsync(verbindung, "Fall.Lesen.Rechte");
        await using (var siegel = new NpgsqlCommand(
            "INSERT INTO audit_siegel (nr, audit_id, zeilen_hash, vorgaenger_hash, hash, gesiegelt_am, bis_xid) VALUES (1000000, $1, '\\x01', '\\x02', '\\x03', now(), pg_current_xact_id())",
            verbindung))
        {
            siegel.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
            await siegel.ExecuteNonQueryAsync();
        }

        xid.ShouldBeGreaterThan(0UL);
        (await Sql.ScalarAsync<long>(fixture.AppConnectionString, $"SELECT count(*) FROM audit_protokoll p JOIN audit_siegel s ON s.audit_id = p.id WHERE p.id = {id}")).ShouldBe(1);
    }

    [Fact]
    public async Task Schema_WhenMigrated_GrantsTheAppGroupExactlySelectAndInsertOnTheAuditTables()
    {
        var rechte = await Sql.ColumnAsync<string>(fixture.OwnerConnectionString, """
            SELECT t || ':' || p FROM unnest(ARRAY['audit_protokoll', 'audit_siegel']) t,
                   unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) p
            WHERE has_table_privilege('kim_anwendung', t, p)
               OR CASE WHEN p IN ('SELECT', 'INSERT', 'UPDATE', 'REFERENCES') THEN has_any_column_privilege('kim_anwendung', t, p) ELSE false END
            ORDER BY 1
            """);

        rechte.ShouldBe(["audit_protokoll:INSERT", "audit_protokoll:SELECT", "audit_siegel:INSERT", "audit_siegel:SELECT"]);
        (await Sql.ScalarAsync<bool>(fixture.OwnerConnectionString, "SELECT has_column_privilege('kim_anwendung', 'audit_protokoll', 'xid', 'INSERT')"))
            .ShouldBeFalse("the transaction id must always come from the database");
    }
}
