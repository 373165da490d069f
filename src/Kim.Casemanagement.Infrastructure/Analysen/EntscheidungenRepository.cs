using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Analysen.Entscheidungen;
using Kim.Casemanagement.Domain.Themen;
using Kim.Casemanagement.Infrastructure.Audit;
using Kim.Casemanagement.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Kim.Casemanagement.Infrastructure.Analysen;

/// <summary>The Lenkungsgruppe's decisions (<c>lenkungsgruppe_entscheidungen</c>, migration 0017); a new one commits with the request's audit entries.</summary>
internal sealed class EntscheidungenRepository(KimDbContext db, IAuditProtokoll audit, AuditSchreiber schreiber) : IEntscheidungen
{
    private const string Spalten = "id, mandant, titel, behoerde, gilt_ab, themen, erfasst_am";

    public async Task HinzufuegenAsync(Entscheidung entscheidung, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entscheidung);
        var protokoll = audit is AuditProtokoll p ? p.AlsEintraege(StatusCodes.Status201Created) : [];
        schreiber.Hinzufuegen(db, protokoll);
        try
        {
            await using var transaktion = await db.Database.BeginTransactionAsync(ct);
            var t = (NpgsqlTransaction)transaktion.GetDbTransaction();
            await using (var befehl = new NpgsqlCommand($"INSERT INTO lenkungsgruppe_entscheidungen ({Spalten}) VALUES ($1, $2, $3, $4, $5, $6, $7)", t.Connection, t))
            {
                befehl.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = entscheidung.Id });
                befehl.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entscheidung.Mandant });
                befehl.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entscheidung.Titel });
                befehl.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entscheidung.Behoerde.ToString() });
                befehl.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = entscheidung.GiltAb });
                befehl.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = entscheidung.Themen.Select(k => k.ToString()).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                befehl.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = entscheidung.ErfasstAm });
                await befehl.ExecuteNonQueryAsync(ct);
            }

            await db.SaveChangesAsync(ct);
            await transaktion.CommitAsync(ct);
            audit.AlsGespeichertMarkieren();
        }
        catch
        {
            // Left open, the entries are written at the end of the request with its error status.
            foreach (var eintrag in protokoll)
            {
                db.Entry(eintrag).State = EntityState.Detached;
            }

            throw;
        }
    }

    public async Task<Entscheidung?> LadenAsync(Guid id, string mandant, CancellationToken ct) =>
        (await LesenAsync($"SELECT {Spalten} FROM lenkungsgruppe_entscheidungen WHERE id = $1 AND mandant = $2", ct, id, mandant)).SingleOrDefault();

    public async Task<IReadOnlyList<Entscheidung>> ListeAsync(string mandant, CancellationToken ct) =>
        await LesenAsync($"SELECT {Spalten} FROM lenkungsgruppe_entscheidungen WHERE mandant = $1 ORDER BY gilt_ab DESC, erfasst_am DESC", ct, mandant);

    private async Task<List<Entscheidung>> LesenAsync(string sql, CancellationToken ct, params object[] werte)
    {
        var verbindung = (NpgsqlConnection)db.Database.GetDbConnection();
        var geoeffnet = verbindung.State == System.Data.ConnectionState.Open;
        if (!geoeffnet)
        {
            await verbindung.OpenAsync(ct);
        }

        try
        {
            await using var befehl = new NpgsqlCommand(sql, verbindung);
            foreach (var w in werte)
            {
                befehl.Parameters.Add(new NpgsqlParameter { Value = w });
            }

            var liste = new List<Entscheidung>();
            await using var leser = await befehl.ExecuteReaderAsync(ct);
            while (await leser.ReadAsync(ct))
            {
                liste.Add(new Entscheidung(
                    leser.GetGuid(0), leser.GetString(1), leser.GetString(2), Enum.Parse<EntscheidungsBehoerde>(leser.GetString(3)),
                    leser.GetFieldValue<DateOnly>(4), leser.GetFieldValue<string[]>(5).Select(Enum.Parse<ThemaKategorie>).ToList(), leser.GetFieldValue<DateTimeOffset>(6)));
            }

            return liste;
        }
        finally
        {
            if (!geoeffnet)
            {
                await verbindung.CloseAsync();
            }
        }
    }
}
