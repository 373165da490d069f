using System.Text.Json;
using System.Text.Json.Serialization;
using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Application.Einstellungen;
using Kim.Casemanagement.Domain.Common;
using Npgsql;
using NpgsqlTypes;

namespace Kim.Casemanagement.Infrastructure.Mandanten;

/// <summary>
/// The overrides per Mandant in <c>mandant_einstellungen</c> (migration 0022), plain SQL. Every statement names the
/// Mandant; row-level security is the second line (a request's EF commands are narrowed, these run in the pool's
/// installation-wide mode like the other hand-written statements, ADR 0014 "Open").
/// </summary>
public sealed class MandantEinstellungenSpeicher(NpgsqlDataSource dataSource) : IMandantEinstellungenSpeicher
{
    private const string Spalten =
        "mandant, mindestgroesse, vollzeitstellen, idealverlauf, titel_vorlauf_wochen, einwilligung_vorlauf_tage, kooperationsplan_vorlauf_tage, chancenaufenthaltsrecht_vorlauf_wochen, geaendert_am, geaendert_von";

    /// <summary>The SET list of a replacement by the new values (<c>excluded</c>); the change time never goes backwards, so the version changes with every save.</summary>
    private const string Ersetzen = """
        mindestgroesse = excluded.mindestgroesse, vollzeitstellen = excluded.vollzeitstellen, idealverlauf = excluded.idealverlauf,
        titel_vorlauf_wochen = excluded.titel_vorlauf_wochen, einwilligung_vorlauf_tage = excluded.einwilligung_vorlauf_tage,
        kooperationsplan_vorlauf_tage = excluded.kooperationsplan_vorlauf_tage,
        chancenaufenthaltsrecht_vorlauf_wochen = excluded.chancenaufenthaltsrecht_vorlauf_wochen,
        geaendert_am = greatest(excluded.geaendert_am, mandant_einstellungen.geaendert_am + interval '1 microsecond'),
        geaendert_von = excluded.geaendert_von
        """;

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public async Task<GespeicherteUeberschreibungen?> LesenAsync(string mandant, CancellationToken ct)
    {
        await using var befehl = dataSource.CreateCommand($"SELECT {Spalten} FROM mandant_einstellungen WHERE mandant = $1");
        befehl.Parameters.Add(new NpgsqlParameter<string> { TypedValue = mandant });
        await using var leser = await befehl.ExecuteReaderAsync(ct);
        return await leser.ReadAsync(ct) ? Zeile(leser) : null;
    }

    public async Task<IReadOnlyList<GespeicherteUeberschreibungen>> AlleAsync(CancellationToken ct)
    {
        await using var befehl = dataSource.CreateCommand($"SELECT {Spalten} FROM mandant_einstellungen ORDER BY mandant");
        await using var leser = await befehl.ExecuteReaderAsync(ct);
        var liste = new List<GespeicherteUeberschreibungen>();
        while (await leser.ReadAsync(ct))
        {
            liste.Add(Zeile(leser));
        }

        return liste;
    }

    public async Task<bool> SpeichernAsync(string mandant, MandantUeberschreibungen werte, DateTimeOffset am, string von, Versionserwartung? erwartet, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(werte);

        // The expected version is checked in the storing statement itself, so that two saves cannot both pass it: no row
        // expected, an insert that does nothing on a conflict; a row expected, an update of exactly that row.
        const string Werte = "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
        var sql = erwartet switch
        {
            null => $"""
                INSERT INTO mandant_einstellungen ({Spalten}) VALUES {Werte}
                ON CONFLICT (mandant) DO UPDATE SET {Ersetzen}
                """,
            { GeaendertAm: null } => $"INSERT INTO mandant_einstellungen ({Spalten}) VALUES {Werte} ON CONFLICT (mandant) DO NOTHING",
            _ => $"""
                UPDATE mandant_einstellungen SET {Ersetzen.Replace("excluded.", "v.", StringComparison.Ordinal)}
                FROM (VALUES {Werte}) AS v ({Spalten})
                WHERE mandant_einstellungen.mandant = $1 AND mandant_einstellungen.geaendert_am = $11
                """,
        };
        await using var befehl = dataSource.CreateCommand(sql);
        befehl.Parameters.Add(new NpgsqlParameter<string> { TypedValue = mandant });
        befehl.Parameters.Add(new NpgsqlParameter { Value = (object?)werte.Mindestgroesse ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        befehl.Parameters.Add(new NpgsqlParameter { Value = (object?)werte.Vollzeitstellen ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Numeric });
        befehl.Parameters.Add(new NpgsqlParameter
        {
            Value = werte.Idealverlauf is { Count: > 0 } ideal ? JsonSerializer.Serialize(ideal, Json) : DBNull.Value,
            NpgsqlDbType = NpgsqlDbType.Jsonb,
        });
        befehl.Parameters.Add(new NpgsqlParameter { Value = (object?)werte.TitelVorlaufWochen ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        befehl.Parameters.Add(new NpgsqlParameter { Value = (object?)werte.EinwilligungVorlaufTage ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        befehl.Parameters.Add(new NpgsqlParameter { Value = (object?)werte.KooperationsplanVorlaufTage ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        befehl.Parameters.Add(new NpgsqlParameter { Value = (object?)werte.ChancenaufenthaltsrechtVorlaufWochen ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        befehl.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = am });
        befehl.Parameters.Add(new NpgsqlParameter<string> { TypedValue = von });
        if (erwartet?.GeaendertAm is { } stand)
        {
            befehl.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = stand });
        }

        return await befehl.ExecuteNonQueryAsync(ct) == 1;
    }

    private static GespeicherteUeberschreibungen Zeile(NpgsqlDataReader r)
    {
        int? Zahl(int i) => r.IsDBNull(i) ? null : r.GetInt32(i);
        var ideal = r.IsDBNull(3) ? null : JsonSerializer.Deserialize<Dictionary<Spur, IdealverlaufSpur>>(r.GetString(3), Json);
        return new GespeicherteUeberschreibungen(
            r.GetString(0),
            new MandantUeberschreibungen(Zahl(1), r.IsDBNull(2) ? null : r.GetDecimal(2), ideal, Zahl(4), Zahl(5), Zahl(6), Zahl(7)),
            r.GetFieldValue<DateTimeOffset>(8),
            r.GetString(9));
    }
}
