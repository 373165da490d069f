using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Datenschutz.Aufbewahrung;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Rechtsregeln;
using Kim.Casemanagement.Infrastructure.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace Kim.Casemanagement.Infrastructure.Datenschutz;

/// <summary>
/// Counts the tenant's Fälle due for erasure and held, in one statement over <c>faelle</c> and <c>fall_sperren</c>, by
/// the definition of <see cref="IAufbewahrungsUebersicht"/>. The end of the period is computed as
/// <see cref="Frist.Ende"/> does (years, then months, then days, hours as started days), so that the count and the
/// rule table agree to the day, also after the 29th of February.
/// </summary>
public sealed class AufbewahrungsUebersicht(Datenbank datenbank, Rechtsregeltabelle regeln, IKalender kalender) : IAufbewahrungsUebersicht
{
    private const string Sql = """
        WITH gesperrt AS (
            SELECT DISTINCT s.fall_id
            FROM fall_sperren s
            WHERE s.mandant = $1 AND s.aufgehoben_am IS NULL AND (s.bis IS NULL OR s.bis >= $2)
        ), abgelaufen AS (
            SELECT f.id
            FROM faelle f
            WHERE f.mandant = $1
              AND f.anonymisiert_am IS NULL
              AND f.prozess_zustand = ANY($3)
              AND ((f.prozess_seit + make_interval(years => $4)) + make_interval(months => $5))::date + $6 < $2
        )
        SELECT
            (SELECT count(*) FROM abgelaufen a WHERE NOT EXISTS (SELECT 1 FROM gesperrt g WHERE g.fall_id = a.id)),
            (SELECT count(*) FROM abgelaufen a WHERE EXISTS (SELECT 1 FROM gesperrt g WHERE g.fall_id = a.id)),
            (SELECT count(*) FROM gesperrt g JOIN faelle f ON f.id = g.fall_id WHERE f.anonymisiert_am IS NULL)
        """;

    private static readonly string[] Beendet = [.. Spurregister.Prozess.BeendeteZustaende];

    public async Task<FaelleZurLoeschung> FaelleAsync(string mandant, DateOnly heute, CancellationToken ct)
    {
        var stand = kalender.Jetzt;
        if (!regeln.TryWert(Regeln.AufbewahrungFallakte, heute, out var frist))
        {
            // No period in force today: nothing is due; holds are still counted.
            frist = new Frist(10_000, 0, 0, 0);
        }

        await using var befehl = datenbank.DataSource.CreateCommand(Sql);
        befehl.Parameters.Add(new NpgsqlParameter<string> { TypedValue = mandant });
        befehl.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = heute, NpgsqlDbType = NpgsqlDbType.Date });
        befehl.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = Beendet, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        befehl.Parameters.Add(new NpgsqlParameter<int> { TypedValue = frist.Jahre });
        befehl.Parameters.Add(new NpgsqlParameter<int> { TypedValue = frist.Monate });
        befehl.Parameters.Add(new NpgsqlParameter<int> { TypedValue = frist.Tage + ((frist.Stunden + 23) / 24) });
        await using var reader = await befehl.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await reader.ReadAsync(ct).ConfigureAwait(false);
        return new FaelleZurLoeschung((int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2), stand);
    }
}
