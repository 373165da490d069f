using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Datenschutz.Aufbewahrung;
using Kim.Casemanagement.Domain.Rechtsregeln;
using Kim.Casemanagement.Infrastructure.Mandanten;
using Kim.Casemanagement.Infrastructure.Persistence;
using Npgsql;

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

        var abfrage = new NpgsqlBatchCommand(Sql);
        FallLoeschung.Parameter(abfrage.Parameters, frist, heute);
        abfrage.Parameters.AddWithValue("mandant", mandant);
        await using var befehl = MandantKontext.Einzeln(datenbank.DataSource, abfrage);
        await using var reader = await MandantKontext.LesenAsync(befehl, ct).ConfigureAwait(false);
        await reader.ReadAsync(ct).ConfigureAwait(false);
        return new FaelleZurLoeschung((int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2), stand);
    }

    public async Task<IReadOnlyList<FaelligerFallZurLoeschung>> VorschauAsync(string mandant, DateOnly heute, int hoechstens, CancellationToken ct) =>
        regeln.TryWert(Regeln.AufbewahrungFallakte, heute, out var frist)
            ? [.. (await FallLoeschung.FaelligeAsync(datenbank.DataSource, mandant, frist, heute, mitGesperrten: false, hoechstens, ct).ConfigureAwait(false)).Select(f => f.Fall)]
            : [];
}
