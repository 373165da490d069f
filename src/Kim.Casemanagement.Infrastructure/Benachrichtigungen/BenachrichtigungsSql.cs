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
    // $1 recipients, $2 Fälle, $3 kinds, $4 titles, $5 texts, $6 links, $7 once-only keys, $8 now.
    private const string ZaehlerAnlegen = """
        INSERT INTO benachrichtigung_zaehler (empfaenger_id, letzte_seq)
        SELECT DISTINCT e, 0 FROM unnest($1::text[]) AS e ORDER BY 1
        ON CONFLICT (empfaenger_id) DO NOTHING
        """;

    private const string ZaehlerSperren = "SELECT 1 FROM benachrichtigung_zaehler WHERE empfaenger_id = ANY($1::text[]) ORDER BY empfaenger_id FOR UPDATE";

    private const string Einfuegen = """
        WITH n AS (
            SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
                WITH ORDINALITY AS n(empfaenger_id, fall_id, art, titel, text, link, schluessel, ord)
        ),
        neu AS (
            INSERT INTO termin_meldungen (schluessel, erstellt_am)
            SELECT schluessel, $8 FROM n WHERE schluessel IS NOT NULL
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
               g.fall_id, g.art, g.titel, g.text, g.link, $8
        FROM g JOIN z USING (empfaenger_id)
        """;

    /// <summary>The three statements as part of the caller's batch (constant texts, so each is prepared once per connection); the last one reports the rows inserted.</summary>
    public static IEnumerable<NpgsqlBatchCommand> Befehle(IReadOnlyList<NeueBenachrichtigung> offen, DateTimeOffset jetzt)
    {
        var empfaenger = offen.Select(b => b.EmpfaengerId).ToArray();
        yield return new NpgsqlBatchCommand(ZaehlerAnlegen) { Parameters = { new NpgsqlParameter<string[]> { TypedValue = empfaenger } } };
        yield return new NpgsqlBatchCommand(ZaehlerSperren) { Parameters = { new NpgsqlParameter<string[]> { TypedValue = empfaenger } } };
        yield return new NpgsqlBatchCommand(Einfuegen)
        {
            Parameters =
            {
                new NpgsqlParameter<string[]> { TypedValue = empfaenger },
                new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid, Value = offen.Select(b => b.FallId).ToArray() },
                new NpgsqlParameter<string[]> { TypedValue = offen.Select(b => b.Art).ToArray() },
                new NpgsqlParameter<string[]> { TypedValue = offen.Select(b => b.Titel).ToArray() },
                new NpgsqlParameter<string[]> { TypedValue = offen.Select(b => b.Text).ToArray() },
                new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = offen.Select(b => b.Link).ToArray() },
                new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = offen.Select(b => b.Schluessel).ToArray() },
                new NpgsqlParameter<DateTimeOffset> { TypedValue = jetzt },
            },
        };
    }

    /// <summary>Writes the notices in the caller's transaction, in one round trip; returns how many were inserted.</summary>
    public static async Task<int> SchreibenAsync(NpgsqlConnection verbindung, NpgsqlTransaction? transaktion, IReadOnlyList<NeueBenachrichtigung> offen, DateTimeOffset jetzt, CancellationToken ct)
    {
        if (offen.Count == 0)
        {
            return 0;
        }

        await using var batch = new NpgsqlBatch(verbindung, transaktion);
        foreach (var befehl in Befehle(offen, jetzt))
        {
            batch.BatchCommands.Add(befehl);
        }

        await batch.ExecuteNonQueryAsync(ct);
        return batch.BatchCommands[^1].RecordsAffected;
    }
}
