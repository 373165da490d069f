using Kim.Casemanagement.Infrastructure.Mandanten;
using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Benachrichtigungen;

/// <summary>
/// A user's persisted inbox: catch-up after a seq, unread count, mark as read. Only ever the caller's own inbox; in a
/// request also under the caller's Mandant (ADR 0014), so that the database itself keeps it to one Kommune.
/// </summary>
public sealed class Posteingang(Persistence.Datenbank datenbank)
{
    public const int MaxAnzahl = 500;

    /// <summary>Every notice after <paramref name="nachSeq"/>, oldest first (at most <see cref="MaxAnzahl"/> per call).</summary>
    public async Task<IReadOnlyList<BenachrichtigungDto>> NachholenAsync(string empfaengerId, long nachSeq, int anzahl, CancellationToken ct)
    {
        await using var batch = Befehl(
            "SELECT seq, fall_id, art, titel, text, link, erstellt_am, gelesen_am IS NOT NULL FROM benachrichtigungen WHERE empfaenger_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
            new NpgsqlParameter<string> { TypedValue = empfaengerId },
            new NpgsqlParameter<long> { TypedValue = nachSeq },
            new NpgsqlParameter<int> { TypedValue = Math.Clamp(anzahl, 1, MaxAnzahl) });
        await using var reader = await MandantKontext.LesenAsync(batch, ct);
        var liste = new List<BenachrichtigungDto>();
        while (await reader.ReadAsync(ct))
        {
            liste.Add(new BenachrichtigungDto(
                reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6), reader.GetBoolean(7)));
        }

        return liste;
    }

    public async Task<(int Ungelesen, long LetzteSeq)> StandAsync(string empfaengerId, CancellationToken ct)
    {
        await using var batch = Befehl(
            "SELECT (SELECT count(*) FROM benachrichtigungen WHERE empfaenger_id = $1 AND gelesen_am IS NULL)::int, COALESCE((SELECT letzte_seq FROM benachrichtigung_zaehler WHERE empfaenger_id = $1), 0)",
            new NpgsqlParameter<string> { TypedValue = empfaengerId });
        await using var reader = await MandantKontext.LesenAsync(batch, ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt32(0), reader.GetInt64(1));
    }

    /// <summary>Marks one notice (or, with null, all) as read; returns how many changed.</summary>
    public async Task<int> GelesenAsync(string empfaengerId, long? seq, DateTimeOffset jetzt, CancellationToken ct)
    {
        await using var batch = Befehl(
            "UPDATE benachrichtigungen SET gelesen_am = $2 WHERE empfaenger_id = $1 AND gelesen_am IS NULL AND ($3::bigint IS NULL OR seq = $3)",
            new NpgsqlParameter<string> { TypedValue = empfaengerId },
            new NpgsqlParameter<DateTimeOffset> { TypedValue = jetzt },
            new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint, Value = (object?)seq ?? DBNull.Value });
        return await MandantKontext.AendernAsync(batch, ct);
    }

    /// <summary>One statement as a batch on the pool, under the request's Mandant.</summary>
    private NpgsqlBatch Befehl(string sql, params NpgsqlParameter[] parameter) => MandantKontext.Einzeln(datenbank.DataSource, sql, parameter);
}
