using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Benachrichtigungen;

/// <summary>A user's persisted inbox: catch-up after a seq, unread count, mark as read. Only ever the caller's own inbox.</summary>
public sealed class Posteingang(Persistence.Datenbank datenbank)
{
    public const int MaxAnzahl = 500;

    /// <summary>Every notice after <paramref name="nachSeq"/>, oldest first (at most <see cref="MaxAnzahl"/> per call).</summary>
    public async Task<IReadOnlyList<BenachrichtigungDto>> NachholenAsync(string empfaengerId, long nachSeq, int anzahl, CancellationToken ct)
    {
        await using var verbindung = await datenbank.DataSource.OpenConnectionAsync(ct);
        await using var befehl = new NpgsqlCommand(
            "SELECT seq, fall_id, art, titel, text, link, erstellt_am, gelesen_am IS NOT NULL FROM benachrichtigungen WHERE empfaenger_id = @e AND seq > @s ORDER BY seq LIMIT @n",
            verbindung);
        befehl.Parameters.AddWithValue("e", empfaengerId);
        befehl.Parameters.AddWithValue("s", nachSeq);
        befehl.Parameters.AddWithValue("n", Math.Clamp(anzahl, 1, MaxAnzahl));
        await using var reader = await befehl.ExecuteReaderAsync(ct);
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
        await using var verbindung = await datenbank.DataSource.OpenConnectionAsync(ct);
        await using var befehl = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM benachrichtigungen WHERE empfaenger_id = @e AND gelesen_am IS NULL)::int, COALESCE((SELECT letzte_seq FROM benachrichtigung_zaehler WHERE empfaenger_id = @e), 0)",
            verbindung);
        befehl.Parameters.AddWithValue("e", empfaengerId);
        await using var reader = await befehl.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt32(0), reader.GetInt64(1));
    }

    /// <summary>Marks one notice (or, with null, all) as read; returns how many changed.</summary>
    public async Task<int> GelesenAsync(string empfaengerId, long? seq, DateTimeOffset jetzt, CancellationToken ct)
    {
        await using var verbindung = await datenbank.DataSource.OpenConnectionAsync(ct);
        await using var befehl = new NpgsqlCommand(
            "UPDATE benachrichtigungen SET gelesen_am = @j WHERE empfaenger_id = @e AND gelesen_am IS NULL AND (@s::bigint IS NULL OR seq = @s)",
            verbindung);
        befehl.Parameters.AddWithValue("e", empfaengerId);
        befehl.Parameters.AddWithValue("j", jetzt);
        befehl.Parameters.Add(new NpgsqlParameter("s", NpgsqlTypes.NpgsqlDbType.Bigint) { Value = (object?)seq ?? DBNull.Value });
        return await befehl.ExecuteNonQueryAsync(ct);
    }
}
