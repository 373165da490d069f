using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Kim.Casemanagement.Infrastructure.Audit;

/// <summary>
/// Read-only search over the audit trail for the Datenschutz role (<c>GET /api/datenschutz/audit</c>): newest first
/// (zeitpunkt, then id, descending), served by the indexes on (fall_id, zeitpunkt), (benutzer_id, zeitpunkt) and
/// (zeitpunkt). Offset paging; fetches one row more than the page to tell whether another page exists.
/// </summary>
public sealed class AuditAbfrage
{
    private readonly NpgsqlDataSource _dataSource;

    public AuditAbfrage(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
    }

    public async Task<AuditSeite> SuchenAsync(AuditFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(filter.Seite, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(filter.Groesse, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(filter.Groesse, AuditFilter.MaxGroesse);

        // Under the request's Mandant (ADR 0014): the database keeps the search to the caller's Kommune even without the
        // Mandant filter below.
        var befehl = new NpgsqlBatchCommand();
        await using var batch = Mandanten.MandantKontext.Einzeln(_dataSource, befehl);
        var sql = new StringBuilder($"SELECT {AuditSql.Spalten} FROM audit_protokoll p WHERE true");
        void Bedingung(string spalte, string op, object wert, NpgsqlDbType typ)
        {
            befehl.Parameters.Add(new NpgsqlParameter { Value = wert, NpgsqlDbType = typ });
            sql.Append(" AND p.").Append(spalte).Append(' ').Append(op).Append(" $").Append(befehl.Parameters.Count);
        }

        if (filter.Mandant is { } mandant)
        {
            Bedingung("mandant", "=", mandant, NpgsqlDbType.Text);
        }

        if (filter.FallId is { } fallId)
        {
            Bedingung("fall_id", "=", fallId, NpgsqlDbType.Uuid);
        }

        if (filter.BenutzerId is { } benutzerId)
        {
            Bedingung("benutzer_id", "=", benutzerId, NpgsqlDbType.Text);
        }

        if (filter.Von is { } von)
        {
            Bedingung("zeitpunkt", ">=", von.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        }

        if (filter.Bis is { } bis)
        {
            Bedingung("zeitpunkt", "<", bis.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        }

        if (filter.Aktion is { } aktion)
        {
            // "Fall." names every action of the area (Fall.Lesen, Fall.Schritt, ...); any other value one action exactly.
            if (aktion.EndsWith('.'))
            {
                Bedingung("aktion", "LIKE", aktion.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%", NpgsqlDbType.Text);
            }
            else
            {
                Bedingung("aktion", "=", aktion, NpgsqlDbType.Text);
            }
        }

        befehl.Parameters.Add(new NpgsqlParameter<int> { TypedValue = filter.Groesse + 1 });
        befehl.Parameters.Add(new NpgsqlParameter<long> { TypedValue = (long)(filter.Seite - 1) * filter.Groesse });
        sql.Append(" ORDER BY p.zeitpunkt DESC, p.id DESC LIMIT $").Append(befehl.Parameters.Count - 1).Append(" OFFSET $").Append(befehl.Parameters.Count);
        befehl.CommandText = sql.ToString();

        var eintraege = new List<AuditEintrag>(filter.Groesse + 1);
        await using (var reader = await Mandanten.MandantKontext.LesenAsync(batch, ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                eintraege.Add(AuditSql.Lesen(reader, 0));
            }
        }

        var hatWeitere = eintraege.Count > filter.Groesse;
        if (hatWeitere)
        {
            eintraege.RemoveAt(eintraege.Count - 1);
        }

        return new AuditSeite(eintraege, filter.Seite, filter.Groesse, hatWeitere);
    }
}
