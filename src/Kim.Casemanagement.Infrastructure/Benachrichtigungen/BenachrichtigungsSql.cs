using Kim.Casemanagement.Application.Abstractions;
using Npgsql;
using Kim.Casemanagement.Infrastructure.Persistence.Aggregat;
using NpgsqlTypes;

namespace Kim.Casemanagement.Infrastructure.Benachrichtigungen;

/// <summary>
/// Writes notices inside the caller's transaction, in one statement: a once-only notice (with key) is kept only if its
/// key is new; each recipient's counter is created or advanced by the number of its notices (counters upserted in
/// recipient order, so concurrent writers lock them in the same order and cannot deadlock) and hands out the next seq
/// numbers; the rows are inserted. The counter's row lock is held until commit, so per recipient, seq order is commit order.
/// </summary>
internal static class BenachrichtigungsSql
{
    /// <summary>
    /// Adds the parts that write <paramref name="offen"/> to a statement: <c>n</c> the notices, <c>neu</c> the once-only
    /// keys not sent before, <c>g</c> the notices to write, <c>z</c> the counters, <c>b</c> the inserted rows (RETURNING 1).
    /// </summary>
    public static void Teile(Sammelanweisung s, IReadOnlyList<NeueBenachrichtigung> offen, DateTimeOffset jetzt)
    {
        var empfaenger = s.Wert(new NpgsqlParameter<string[]> { TypedValue = offen.Select(b => b.EmpfaengerId).ToArray() });
        var fall = s.Wert(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid, Value = offen.Select(b => b.FallId).ToArray() });
        var art = s.Wert(new NpgsqlParameter<string[]> { TypedValue = offen.Select(b => b.Art).ToArray() });
        var titel = s.Wert(new NpgsqlParameter<string[]> { TypedValue = offen.Select(b => b.Titel).ToArray() });
        var text = s.Wert(new NpgsqlParameter<string[]> { TypedValue = offen.Select(b => b.Text).ToArray() });
        var link = s.Wert(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = offen.Select(b => b.Link).ToArray() });
        var schluessel = s.Wert(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = offen.Select(b => b.Schluessel).ToArray() });
        var zeit = s.Wert(new NpgsqlParameter<DateTimeOffset> { TypedValue = jetzt });
        s.Teil("n", () => $"""
            SELECT * FROM unnest({empfaenger}::text[], {fall}::uuid[], {art}::text[], {titel}::text[], {text}::text[], {link}::text[], {schluessel}::text[])
                WITH ORDINALITY AS n(empfaenger_id, fall_id, art, titel, text, link, schluessel, ord)
            """);
        s.Teil("neu", () => $"""
            INSERT INTO termin_meldungen (schluessel, erstellt_am)
            SELECT schluessel, {zeit} FROM n WHERE schluessel IS NOT NULL
            ON CONFLICT (schluessel) DO NOTHING
            RETURNING schluessel
            """);
        s.Teil("g", () => "SELECT n.* FROM n WHERE n.schluessel IS NULL OR n.schluessel IN (SELECT schluessel FROM neu)");
        s.Teil("z", () => """
            INSERT INTO benachrichtigung_zaehler AS z (empfaenger_id, letzte_seq)
            SELECT empfaenger_id, count(*) FROM g GROUP BY empfaenger_id ORDER BY empfaenger_id
            ON CONFLICT (empfaenger_id) DO UPDATE SET letzte_seq = z.letzte_seq + excluded.letzte_seq
            RETURNING z.empfaenger_id, z.letzte_seq
            """);
        s.Teil("b", () => $"""
            INSERT INTO benachrichtigungen (empfaenger_id, seq, fall_id, art, titel, text, link, erstellt_am)
            SELECT g.empfaenger_id,
                   z.letzte_seq - count(*) OVER (PARTITION BY g.empfaenger_id) + row_number() OVER (PARTITION BY g.empfaenger_id ORDER BY g.ord),
                   g.fall_id, g.art, g.titel, g.text, g.link, {zeit}
            FROM g JOIN z USING (empfaenger_id)
            RETURNING 1
            """);
    }

    /// <summary>Writes the notices in the caller's transaction, in one statement; returns how many were inserted.</summary>
    public static async Task<int> SchreibenAsync(NpgsqlConnection verbindung, NpgsqlTransaction? transaktion, IReadOnlyList<NeueBenachrichtigung> offen, DateTimeOffset jetzt, CancellationToken ct)
    {
        if (offen.Count == 0)
        {
            return 0;
        }

        await using var batch = new NpgsqlBatch(verbindung, transaktion) { BatchCommands = { Sammelanweisung.Befehl(s => Teile(s, offen, jetzt), "SELECT count(*) FROM b") } };
        return (int)(long)(await batch.ExecuteScalarAsync(ct))!;
    }
}
