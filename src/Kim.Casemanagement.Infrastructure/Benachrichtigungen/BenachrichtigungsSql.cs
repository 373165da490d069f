using Kim.Casemanagement.Application.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace Kim.Casemanagement.Infrastructure.Benachrichtigungen;

/// <summary>
/// Writes notices inside the caller's transaction, in one round trip: creates missing counter rows (in recipient
/// order), locks the recipients' counters in recipient order (no deadlocks between concurrent writers), hands out the
/// next seq numbers and inserts the rows. A once-only notice (with key) is inserted only if its key is new.
/// The counter lock is held until commit, so per recipient, seq order is commit order.
/// </summary>
internal static class BenachrichtigungsSql
{
    private const string Sql = """
        INSERT INTO benachrichtigung_zaehler (empfaenger_id, letzte_seq)
        SELECT DISTINCT e, 0 FROM unnest(@empfaenger) AS e ORDER BY 1
        ON CONFLICT (empfaenger_id) DO NOTHING;

        SELECT 1 FROM benachrichtigung_zaehler WHERE empfaenger_id = ANY(@empfaenger) ORDER BY empfaenger_id FOR UPDATE;

        WITH n AS (
            SELECT * FROM unnest(@empfaenger, @fall, @art, @titel, @text, @link, @schluessel)
                WITH ORDINALITY AS n(empfaenger_id, fall_id, art, titel, text, link, schluessel, ord)
        ),
        neu AS (
            INSERT INTO termin_meldungen (schluessel, erstellt_am)
            SELECT schluessel, @jetzt FROM n WHERE schluessel IS NOT NULL
            ON CONFLICT (schluessel) DO NOTHING
            RETURNING schluessel
        ),
        g AS (
            SELECT n.* FROM n WHERE n.schluessel IS NULL OR n.schluessel IN (SELECT schluessel FROM neu)
        ),
        k AS (
            SELECT empfaenger_id, count(*) AS anzahl FROM g GROUP BY empfaenger_id
        ),
        z AS (
            UPDATE benachrichtigung_zaehler AS z SET letzte_seq = z.letzte_seq + k.anzahl
            FROM k WHERE z.empfaenger_id = k.empfaenger_id
            RETURNING z.empfaenger_id, z.letzte_seq
        )
        INSERT INTO benachrichtigungen (empfaenger_id, seq, fall_id, art, titel, text, link, erstellt_am)
        SELECT g.empfaenger_id,
               z.letzte_seq - count(*) OVER (PARTITION BY g.empfaenger_id) + row_number() OVER (PARTITION BY g.empfaenger_id ORDER BY g.ord),
               g.fall_id, g.art, g.titel, g.text, g.link, @jetzt
        FROM g JOIN z USING (empfaenger_id);
        """;

    public static async Task<int> SchreibenAsync(NpgsqlConnection verbindung, NpgsqlTransaction? transaktion, IReadOnlyList<NeueBenachrichtigung> offen, DateTimeOffset jetzt, CancellationToken ct)
    {
        if (offen.Count == 0)
        {
            return 0;
        }

        await using var befehl = new NpgsqlCommand(Sql, verbindung, transaktion);
        befehl.Parameters.Add(new NpgsqlParameter<string[]>("empfaenger", offen.Select(b => b.EmpfaengerId).ToArray()));
        befehl.Parameters.Add(new NpgsqlParameter("fall", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = offen.Select(b => (object?)b.FallId ?? DBNull.Value).ToArray() });
        befehl.Parameters.Add(new NpgsqlParameter<string[]>("art", offen.Select(b => b.Art).ToArray()));
        befehl.Parameters.Add(new NpgsqlParameter<string[]>("titel", offen.Select(b => b.Titel).ToArray()));
        befehl.Parameters.Add(new NpgsqlParameter<string[]>("text", offen.Select(b => b.Text).ToArray()));
        befehl.Parameters.Add(new NpgsqlParameter("link", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = offen.Select(b => (object?)b.Link ?? DBNull.Value).ToArray() });
        befehl.Parameters.Add(new NpgsqlParameter("schluessel", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = offen.Select(b => (object?)b.Schluessel ?? DBNull.Value).ToArray() });
        befehl.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("jetzt", jetzt));
        return await befehl.ExecuteNonQueryAsync(ct);
    }
}
