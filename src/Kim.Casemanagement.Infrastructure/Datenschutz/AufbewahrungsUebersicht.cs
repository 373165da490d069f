using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Datenschutz.Aufbewahrung;
using Kim.Casemanagement.Domain.Rechtsregeln;
using Kim.Casemanagement.Infrastructure.Persistence;

namespace Kim.Casemanagement.Infrastructure.Datenschutz;

/// <summary>
/// Counts the tenant's Fälle due for erasure and held, in one statement, with the erasure job's own definition
/// (<see cref="FallLoeschung.FaelligSql"/>, <see cref="FallLoeschung.AktiveSperreSql"/>): what the overview calls due is
/// what the next run anonymises.
/// </summary>
public sealed class AufbewahrungsUebersicht(Datenbank datenbank, Rechtsregeltabelle regeln, IKalender kalender) : IAufbewahrungsUebersicht
{
    private static readonly string Sql = $"""
        SELECT
            count(*) FILTER (WHERE {FallLoeschung.FaelligSql} AND NOT {FallLoeschung.AktiveSperreSql}),
            count(*) FILTER (WHERE {FallLoeschung.FaelligSql} AND {FallLoeschung.AktiveSperreSql}),
            count(*) FILTER (WHERE f.anonymisiert_am IS NULL AND {FallLoeschung.AktiveSperreSql})
        FROM faelle f
        WHERE f.mandant = @mandant
        """;

    public async Task<FaelleZurLoeschung> FaelleAsync(string mandant, DateOnly heute, CancellationToken ct)
    {
        var stand = kalender.Jetzt;
        if (!regeln.TryWert(Regeln.AufbewahrungFallakte, heute, out var frist))
        {
            // No period in force today: nothing is due; holds are still counted.
            frist = new Frist(10_000, 0, 0, 0);
        }

        await using var befehl = datenbank.DataSource.CreateCommand(Sql);
        FallLoeschung.Parameter(befehl.Parameters, frist, heute);
        befehl.Parameters.AddWithValue("mandant", mandant);
        await using var reader = await befehl.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await reader.ReadAsync(ct).ConfigureAwait(false);
        return new FaelleZurLoeschung((int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2), stand);
    }

    public async Task<IReadOnlyList<FaelligerFallZurLoeschung>> VorschauAsync(string mandant, DateOnly heute, int hoechstens, CancellationToken ct)
    {
        var liste = new List<FaelligerFallZurLoeschung>();
        if (!regeln.TryWert(Regeln.AufbewahrungFallakte, heute, out var frist))
        {
            return liste;
        }

        await using var befehl = datenbank.DataSource.CreateCommand($"""
            SELECT f.id, f.aktenzeichen, f.prozess_zustand, f.prozess_seit FROM faelle f
            WHERE f.mandant = @mandant AND {FallLoeschung.FaelligSql} AND NOT {FallLoeschung.AktiveSperreSql}
            ORDER BY f.prozess_seit, f.aktenzeichen LIMIT @n
            """);
        FallLoeschung.Parameter(befehl.Parameters, frist, heute);
        befehl.Parameters.AddWithValue("mandant", mandant);
        befehl.Parameters.AddWithValue("n", hoechstens);
        await using var reader = await befehl.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var seit = reader.GetFieldValue<DateOnly>(3);
            liste.Add(new FaelligerFallZurLoeschung(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), seit, frist.Ende(seit).AddDays(1)));
        }

        return liste;
    }
}
