using Kim.Casemanagement.Domain.Rechtsregeln;
using Kim.Casemanagement.Infrastructure.Persistence;
using Kim.Casemanagement.Infrastructure.Persistence.Aggregat;
using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Idempotenz;

/// <summary>Reads a key's stored answer and stores the answer after the change has committed.</summary>
public sealed class IdempotenzSpeicher(Datenbank datenbank, TimeProvider zeit, Rechtsregeltabelle regeln)
{
    public async Task<IdempotenzEintrag?> LesenAsync(string benutzerId, string schluessel, CancellationToken ct)
    {
        await using var befehl = datenbank.DataSource.CreateCommand(
            "SELECT anfrage_hash, fall_id, erstellt_am, status, inhaltstyp, antwort FROM idempotenz WHERE benutzer_id = $1 AND schluessel = $2");
        befehl.Parameters.Add(new NpgsqlParameter { Value = benutzerId });
        befehl.Parameters.Add(new NpgsqlParameter { Value = schluessel });
        await using var leser = await befehl.ExecuteReaderAsync(ct);
        if (!await leser.ReadAsync(ct))
        {
            return null;
        }

        return new IdempotenzEintrag
        {
            BenutzerId = benutzerId,
            Schluessel = schluessel,
            AnfrageHash = leser.GetString(0),
            FallId = leser.IsDBNull(1) ? null : leser.GetGuid(1),
            ErstelltAm = leser.GetFieldValue<DateTimeOffset>(2),
            Status = leser.IsDBNull(3) ? null : leser.GetInt32(3),
            Inhaltstyp = leser.IsDBNull(4) ? null : leser.GetString(4),
            Antwort = leser.IsDBNull(5) ? null : leser.GetFieldValue<byte[]>(5),
        };
    }

    public async Task AntwortSpeichernAsync(string benutzerId, string schluessel, int status, string? inhaltstyp, byte[] antwort, CancellationToken ct)
    {
        await using var befehl = datenbank.DataSource.CreateCommand(
            "UPDATE idempotenz SET status = $3, inhaltstyp = $4, antwort = $5 WHERE benutzer_id = $1 AND schluessel = $2 AND status IS NULL");
        befehl.Parameters.Add(new NpgsqlParameter { Value = benutzerId });
        befehl.Parameters.Add(new NpgsqlParameter { Value = schluessel });
        befehl.Parameters.Add(new NpgsqlParameter { Value = status });
        befehl.Parameters.Add(new NpgsqlParameter { Value = (object?)inhaltstyp ?? DBNull.Value });
        befehl.Parameters.Add(new NpgsqlParameter { Value = antwort });
        await befehl.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Deletes keys older than their period (<see cref="Regeln.AufbewahrungIdempotenz"/>, valid today); returns how many.</summary>
    public async Task<int> AufraeumenAsync(CancellationToken ct)
    {
        var jetzt = zeit.GetUtcNow();
        var frist = regeln.Wert(Regeln.AufbewahrungIdempotenz, DateOnly.FromDateTime(jetzt.UtcDateTime));
        await using var befehl = datenbank.DataSource.CreateCommand("DELETE FROM idempotenz WHERE erstellt_am < $1");
        befehl.Parameters.Add(new NpgsqlParameter { Value = frist.Vor(jetzt) });
        return await befehl.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Adds the key to a change's statement (part <c>i</c>; a duplicate key fails the whole change).</summary>
    internal static void Teil(Sammelanweisung s, IdempotenzKontext kontext, Guid fallId, DateTimeOffset jetzt)
    {
        var werte = string.Join(", ", new[]
        {
            s.Wert(NpgsqlTypes.NpgsqlDbType.Text, kontext.BenutzerId),
            s.Wert(NpgsqlTypes.NpgsqlDbType.Text, kontext.Schluessel),
            s.Wert(NpgsqlTypes.NpgsqlDbType.Text, kontext.AnfrageHash),
            s.Wert(NpgsqlTypes.NpgsqlDbType.Uuid, fallId),
            s.Wert(NpgsqlTypes.NpgsqlDbType.TimestampTz, jetzt),
        });
        s.Teil("i", () => $"INSERT INTO idempotenz (benutzer_id, schluessel, anfrage_hash, fall_id, erstellt_am) VALUES ({werte})");
    }
}
