using System.Text.Json;
using System.Text.Json.Serialization;
using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Application.Analysen.Ergebnisse;
using Npgsql;
using NpgsqlTypes;

namespace Kim.Casemanagement.Infrastructure.Analysen;

/// <summary>The stored report per tenant in <c>analysen_staende</c> (JSON of the suppressed aggregates, nothing else).</summary>
public sealed class AnalysenStand(NpgsqlDataSource dataSource) : IAnalysenStand
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public async Task<GespeicherterBericht?> LesenAsync(string mandant, CancellationToken ct)
    {
        await using var befehl = dataSource.CreateCommand("SELECT bericht, stichtag, datenstand FROM analysen_staende WHERE mandant = $1");
        befehl.Parameters.Add(new NpgsqlParameter { Value = mandant });
        await using var leser = await befehl.ExecuteReaderAsync(ct);
        if (!await leser.ReadAsync(ct))
        {
            return null;
        }

        var bericht = JsonSerializer.Deserialize<AnalysenBericht>(leser.GetString(0), Json)
            ?? throw new InvalidOperationException("Der gespeicherte Bericht ist leer.");
        return new GespeicherterBericht(bericht, leser.GetFieldValue<DateOnly>(1), leser.GetString(2));
    }

    public async Task SpeichernAsync(string mandant, AnalysenBericht bericht, DateOnly stichtag, string datenstand, CancellationToken ct)
    {
        await using var befehl = dataSource.CreateCommand("""
            INSERT INTO analysen_staende (mandant, erstellt_am, stichtag, datenstand, bericht) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (mandant) DO UPDATE SET erstellt_am = excluded.erstellt_am, stichtag = excluded.stichtag, datenstand = excluded.datenstand, bericht = excluded.bericht
            WHERE analysen_staende.erstellt_am <= excluded.erstellt_am
            """);
        befehl.Parameters.Add(new NpgsqlParameter { Value = mandant });
        befehl.Parameters.Add(new NpgsqlParameter { Value = bericht.Stand });
        befehl.Parameters.Add(new NpgsqlParameter { Value = stichtag });
        befehl.Parameters.Add(new NpgsqlParameter { Value = datenstand });
        befehl.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(bericht with { Gespeichert = false }, Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await befehl.ExecuteNonQueryAsync(ct);
    }

    public async Task<string> DatenstandAsync(string mandant, CancellationToken ct)
    {
        await using var befehl = dataSource.CreateCommand("""
            SELECT (SELECT coalesce(max(id), 0) FROM fall_ereignisse)::text
                   || ':' || (SELECT count(*) FROM faelle WHERE mandant = $1)
                   || ':' || (SELECT count(*) || '/' || coalesce(max(geaendert_am)::text, '') FROM themen WHERE mandant = $1)
            """);
        befehl.Parameters.Add(new NpgsqlParameter { Value = mandant });
        return (string)(await befehl.ExecuteScalarAsync(ct))!;
    }

    public async Task<IReadOnlyList<string>> MandantenAsync(CancellationToken ct)
    {
        await using var befehl = dataSource.CreateCommand("SELECT DISTINCT mandant FROM faelle ORDER BY 1");
        var liste = new List<string>();
        await using var leser = await befehl.ExecuteReaderAsync(ct);
        while (await leser.ReadAsync(ct))
        {
            liste.Add(leser.GetString(0));
        }

        return liste;
    }
}
