using Kim.Casemanagement.Infrastructure.Audit;
using Kim.Casemanagement.Infrastructure.Tests.Database;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Tests.Audit;

/// <summary>Entries, direct inserts and a "seal until everything is sealed" loop for the audit tests.</summary>
internal static class AuditTestDaten
{
    public static readonly DateTimeOffset Zeitpunkt = new(2026, 3, 4, 10, 15, 30, 123, 456, TimeSpan.Zero);

    /// <summary>Rows without a link.</summary>
    public const string UnversiegeltSql = """
        SELECT count(*) FROM audit_protokoll p WHERE NOT EXISTS (SELECT 1 FROM audit_siegel s WHERE s.audit_id = p.id)
        """;

    public static AuditEintrag Eintrag(string aktion = "Fall.Lesen", int ergebnis = 200, Guid? fallId = null, string benutzerId = "fm.mueller") => new()
    {
        Zeitpunkt = Zeitpunkt,
        BenutzerId = benutzerId,
        Rollen = "Fallmanagement",
        Aktion = aktion,
        Detail = "Aufenthalt/Anerkennen",
        FallId = fallId ?? Guid.Parse("6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e"),
        KlientId = Guid.Parse("0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d"),
        Ergebnis = ergebnis,
        Herkunft = "203.0.113.7",
        TraceId = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
    };

    public static IEnumerable<AuditEintrag> Eintraege(int anzahl, string praefix = "Fall.Lesen") =>
        Enumerable.Range(1, anzahl).Select(i => Eintrag($"{praefix}.{i}"));

    public static AuditSchreiber Schreiber(NpgsqlDataSource dataSource, int kapazitaet = AuditSchreiber.StandardKapazitaet, ILogger<AuditSchreiber>? logger = null) =>
        new(dataSource, logger ?? NullLogger<AuditSchreiber>.Instance, kapazitaet: kapazitaet);

    public static AuditVersiegelung Versiegelung(NpgsqlDataSource dataSource) => new(dataSource, NullLogger<AuditVersiegelung>.Instance);

    /// <summary>Inserts one row as the connection's role (in its current transaction, if any) and returns (id, xid).</summary>
    public static async Task<(long Id, ulong Xid)> EinfuegenAsync(NpgsqlConnection verbindung, string aktion, NpgsqlTransaction? transaktion = null)
    {
        await using var befehl = new NpgsqlCommand(
            "INSERT INTO audit_protokoll (zeitpunkt, benutzer_id, rollen, aktion, ergebnis) VALUES (now(), 'fm.test', 'Fallmanagement', $1, 200) RETURNING id, xid",
            verbindung,
            transaktion);
        befehl.Parameters.Add(new NpgsqlParameter<string> { TypedValue = aktion });
        await using var reader = await befehl.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetFieldValue<ulong>(1));
    }

    /// <summary>Inserts <paramref name="anzahl"/> rows, each in its own transaction, as the app role.</summary>
    public static async Task EinzelnEinfuegenAsync(string connectionString, int anzahl, string praefix = "Fall.Lesen")
    {
        await using var verbindung = new NpgsqlConnection(connectionString);
        await verbindung.OpenAsync();
        for (var i = 1; i <= anzahl; i++)
        {
            await EinfuegenAsync(verbindung, $"{praefix}.{i}");
        }
    }

    /// <summary>
    /// Seals until every row is sealed. One run may not be enough: the horizon is cluster-wide, and tests of other
    /// classes (other databases, same cluster) may hold a transaction open for a moment.
    /// </summary>
    public static async Task<int> AllesVersiegelnAsync(AuditVersiegelung versiegelung, string connectionString)
    {
        var summe = 0;
        var ende = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            summe += await versiegelung.VersiegelnAsync(default);
            if (await Sql.ScalarAsync<long>(connectionString, UnversiegeltSql) == 0)
            {
                return summe;
            }

            if (DateTime.UtcNow > ende)
            {
                throw new TimeoutException("Not every audit row was sealed within 60 s.");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>(nr, audit_id) of every link, by nr.</summary>
    public static async Task<List<(long Nr, long AuditId)>> SiegelAsync(string connectionString)
    {
        await using var verbindung = new NpgsqlConnection(connectionString);
        await verbindung.OpenAsync();
        await using var befehl = new NpgsqlCommand("SELECT nr, audit_id FROM audit_siegel ORDER BY nr", verbindung);
        await using var reader = await befehl.ExecuteReaderAsync();
        var siegel = new List<(long, long)>();
        while (await reader.ReadAsync())
        {
            siegel.Add((reader.GetInt64(0), reader.GetInt64(1)));
        }

        return siegel;
    }

    /// <summary>Ids of all rows in (xid, id) order: the order the chain must have.</summary>
    public static Task<List<long>> IdsInTransaktionsreihenfolgeAsync(string connectionString) =>
        Sql.ColumnAsync<long>(connectionString, "SELECT id FROM audit_protokoll ORDER BY xid, id");
}
