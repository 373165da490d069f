using Duende.IdentityServer.Models;
using Duende.IdentityServer.Stores;
using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Tokendienst;

/// <summary>Authorization codes, refresh tokens and other grants in <c>tokendienst_grants</c> (Duende's PersistedGrant shape).</summary>
public sealed class KimGrantStore(NpgsqlDataSource dataSource) : IPersistedGrantStore
{
    private const string Spalten = "key, type, subject_id, session_id, client_id, description, creation_time, expiration, consumed_time, data";

    public async Task StoreAsync(PersistedGrant grant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(grant);
        await using var cmd = dataSource.CreateCommand($"""
            INSERT INTO tokendienst_grants ({Spalten}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            ON CONFLICT (key) DO UPDATE SET type = $2, subject_id = $3, session_id = $4, client_id = $5, description = $6,
              creation_time = $7, expiration = $8, consumed_time = $9, data = $10
            """);
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grant.Key });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grant.Type });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)grant.SubjectId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)grant.SessionId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grant.ClientId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)grant.Description ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = DateTime.SpecifyKind(grant.CreationTime, DateTimeKind.Utc) });
        cmd.Parameters.Add(new NpgsqlParameter { Value = grant.Expiration is { } e ? DateTime.SpecifyKind(e, DateTimeKind.Utc) : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new NpgsqlParameter { Value = grant.ConsumedTime is { } k ? DateTime.SpecifyKind(k, DateTimeKind.Utc) : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grant.Data });
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public async Task<PersistedGrant?> GetAsync(string key, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand($"SELECT {Spalten} FROM tokendienst_grants WHERE key = $1");
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await r.ReadAsync(ct).ConfigureAwait(false) ? Lesen(r) : null;
    }

    public async Task<IReadOnlyCollection<PersistedGrant>> GetAllAsync(PersistedGrantFilter filter, CancellationToken ct)
    {
        var (where, parameter) = Bedingung(filter);
        await using var cmd = dataSource.CreateCommand($"SELECT {Spalten} FROM tokendienst_grants WHERE {where}");
        cmd.Parameters.AddRange(parameter);
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var liste = new List<PersistedGrant>();
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            liste.Add(Lesen(r));
        }

        return liste;
    }

    public async Task RemoveAsync(string key, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("DELETE FROM tokendienst_grants WHERE key = $1");
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public async Task RemoveAllAsync(PersistedGrantFilter filter, CancellationToken ct)
    {
        var (where, parameter) = Bedingung(filter);
        await using var cmd = dataSource.CreateCommand($"DELETE FROM tokendienst_grants WHERE {where}");
        cmd.Parameters.AddRange(parameter);
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Deletes grants expired before <paramref name="vor"/> (housekeeping).</summary>
    public async Task<int> AbgelaufeneEntfernenAsync(DateTimeOffset vor, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("DELETE FROM tokendienst_grants WHERE expiration < $1");
        cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = vor });
        return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static (string Where, NpgsqlParameter[] Parameter) Bedingung(PersistedGrantFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var teile = new List<string>();
        var parameter = new List<NpgsqlParameter>();
        void Gleich(string spalte, string? wert)
        {
            if (!string.IsNullOrWhiteSpace(wert))
            {
                parameter.Add(new NpgsqlParameter<string> { TypedValue = wert });
                teile.Add($"{spalte} = ${parameter.Count}");
            }
        }

        void In(string spalte, IEnumerable<string>? werte)
        {
            if (werte?.ToArray() is { Length: > 0 } liste)
            {
                parameter.Add(new NpgsqlParameter<string[]> { TypedValue = liste, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text });
                teile.Add($"{spalte} = ANY(${parameter.Count})");
            }
        }

        Gleich("subject_id", filter.SubjectId);
        Gleich("session_id", filter.SessionId);
        Gleich("client_id", filter.ClientId);
        In("client_id", filter.ClientIds);
        Gleich("type", filter.Type);
        In("type", filter.Types);
        if (teile.Count == 0)
        {
            // Duende validates that a filter names something; never act on every grant.
            throw new ArgumentException("Der Filter nennt weder Person, Sitzung, Client noch Art.", nameof(filter));
        }

        return (string.Join(" AND ", teile), parameter.ToArray());
    }

    private static PersistedGrant Lesen(NpgsqlDataReader r) => new()
    {
        Key = r.GetString(0),
        Data = r.GetString(9),
        Type = r.GetString(1),
        SubjectId = r.IsDBNull(2) ? null! : r.GetString(2),
        SessionId = r.IsDBNull(3) ? null : r.GetString(3),
        ClientId = r.GetString(4),
        Description = r.IsDBNull(5) ? null : r.GetString(5),
        CreationTime = r.GetFieldValue<DateTime>(6),
        Expiration = r.IsDBNull(7) ? null : r.GetFieldValue<DateTime>(7),
        ConsumedTime = r.IsDBNull(8) ? null : r.GetFieldValue<DateTime>(8),
    };
}
