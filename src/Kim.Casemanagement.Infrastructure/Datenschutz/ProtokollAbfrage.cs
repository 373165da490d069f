using Kim.Casemanagement.Application.Datenschutz.Protokoll;
using Kim.Casemanagement.Infrastructure.Audit;
using Kim.Casemanagement.Infrastructure.Mandanten;
using Kim.Casemanagement.Infrastructure.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace Kim.Casemanagement.Infrastructure.Datenschutz;

/// <summary>
/// The audit trail for the data-protection officer: the search of <see cref="AuditAbfrage"/> with the file numbers of
/// the tenant's Fälle added, only the tenant's rows (ADR 0014), the lookup of a Fall by file number, a count of the tenant's recent rows (index on mandant, zeitpunkt), and the
/// latest verification by a Datenschutz account of the tenant (index on benutzer_id, zeitpunkt: only those accounts' rows
/// are read).
/// </summary>
public sealed class ProtokollAbfrage(AuditAbfrage abfrage, Datenbank datenbank) : IProtokollAbfrage
{
    private const string AktenzeichenSql = "SELECT id, aktenzeichen FROM faelle WHERE id = ANY($1) AND mandant = $2 AND anonymisiert_am IS NULL";

    private const string FallIdSql = "SELECT id FROM faelle WHERE aktenzeichen = $1 AND mandant = $2 AND anonymisiert_am IS NULL";

    private const string AnzahlSql = "SELECT count(*) FROM audit_protokoll WHERE mandant = $2 AND zeitpunkt >= $1";

    private const string LetztePruefungSql = """
        SELECT p.zeitpunkt, p.benutzer_id, p.detail
        FROM audit_protokoll p
        WHERE p.benutzer_id IN (
                SELECT b.id FROM benutzer b
                JOIN benutzer_rollen br ON br.user_id = b.id
                JOIN rollen r ON r.id = br.role_id
                WHERE r.name = 'Datenschutz' AND b.mandant = $1)
          AND p.aktion = $2 AND p.ergebnis BETWEEN 200 AND 299
        ORDER BY p.zeitpunkt DESC, p.id DESC
        LIMIT 1
        """;

    public async Task<ProtokollSeite> SuchenAsync(string mandant, ProtokollFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var seite = await abfrage.SuchenAsync(new AuditFilter
        {
            // The Datenschutz role of a Kommune sees that Kommune's rows only (ADR 0014).
            Mandant = mandant,
            FallId = filter.FallId,
            BenutzerId = filter.BenutzerId,
            Von = filter.Von,
            Bis = filter.Bis,
            Aktion = filter.Aktion,
            Seite = filter.Seite,
            Groesse = filter.Groesse,
        }, ct).ConfigureAwait(false);

        var faelle = seite.Eintraege.Select(e => e.FallId).OfType<Guid>().Distinct().ToArray();
        var aktenzeichen = new Dictionary<Guid, string>();
        if (faelle.Length > 0)
        {
            await using var befehl = MandantKontext.Einzeln(
                datenbank.DataSource,
                AktenzeichenSql,
                new NpgsqlParameter<Guid[]> { TypedValue = faelle, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid },
                new NpgsqlParameter<string> { TypedValue = mandant });
            await using var reader = await MandantKontext.LesenAsync(befehl, ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                aktenzeichen[reader.GetGuid(0)] = reader.GetString(1);
            }
        }

        return new ProtokollSeite(
            seite.Eintraege.Select(e => new ProtokollZeile(
                e.Id, e.Zeitpunkt, e.BenutzerId, e.Rollen, e.Aktion, e.Detail, e.FallId,
                e.FallId is { } f && aktenzeichen.TryGetValue(f, out var az) ? az : null,
                e.KlientId, e.Ergebnis, e.Herkunft, e.TraceId)).ToArray(),
            seite.Seite,
            seite.Groesse,
            seite.HatWeitere);
    }

    public async Task<Guid?> FallIdAsync(string mandant, string aktenzeichen, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(aktenzeichen);
        await using var befehl = MandantKontext.Einzeln(
            datenbank.DataSource, FallIdSql, new NpgsqlParameter<string> { TypedValue = aktenzeichen.ToUpperInvariant() }, new NpgsqlParameter<string> { TypedValue = mandant });
        return await MandantKontext.SkalarAsync(befehl, ct).ConfigureAwait(false) is Guid id ? id : null;
    }

    public async Task<long> AnzahlSeitAsync(string mandant, DateTimeOffset seit, CancellationToken ct)
    {
        await using var befehl = MandantKontext.Einzeln(
            datenbank.DataSource,
            AnzahlSql,
            new NpgsqlParameter<DateTimeOffset> { TypedValue = seit.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz },
            new NpgsqlParameter<string> { TypedValue = mandant });
        return (long)(await MandantKontext.SkalarAsync(befehl, ct).ConfigureAwait(false))!;
    }

    public async Task<LetztePruefung?> LetztePruefungAsync(string mandant, CancellationToken ct)
    {
        await using var befehl = MandantKontext.Einzeln(
            datenbank.DataSource, LetztePruefungSql, new NpgsqlParameter<string> { TypedValue = mandant }, new NpgsqlParameter<string> { TypedValue = ProtokollHandler.PruefungAktion });
        await using var reader = await MandantKontext.LesenAsync(befehl, ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false)
            ? new LetztePruefung(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2))
            : null;
    }
}
