using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Analysen.Themen;
using Kim.Casemanagement.Application.Common;
using Kim.Casemanagement.Domain.Themen;
using Kim.Casemanagement.Infrastructure.Audit;
using Kim.Casemanagement.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http;
using Kim.Casemanagement.Infrastructure.Datenschutz;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Analysen;

/// <summary>
/// EF repository of generative Themen; a write and the request's audit entries commit together. A Thema of a held Fall
/// (Sperrung, Art. 18 DSGVO) is not written: the Fall's row is locked (shared) in the write's transaction and its hold
/// checked after the lock, so that the write and the setting of a hold (which locks the row for update) serialise.
/// </summary>
internal sealed class ThemenRepository(KimDbContext db, IAuditProtokoll audit, AuditSchreiber schreiber, IKalender kalender) : IThemenRepository
{
    private static readonly string SperreSql = FallSperrung.AktiveSperreSql("$1", "$2");

    public async Task HinzufuegenAsync(Thema thema, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(thema);
        db.Set<Thema>().Add(thema);
        await SpeichernAsync(thema.FallId, ct);
    }

    public Task<Thema?> LadenAsync(Guid id, string mandant, CancellationToken ct) =>
        db.Set<Thema>().FirstOrDefaultAsync(t => t.Id == id && t.Mandant == mandant, ct);

    public Task SpeichernAsync(Thema thema, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(thema);
        return SpeichernAsync(thema.FallId, ct);
    }

    public async Task<IReadOnlyList<Thema>> DesFallsAsync(Guid fallId, CancellationToken ct) =>
        await db.Set<Thema>().AsNoTracking().Where(t => t.FallId == fallId).OrderByDescending(t => t.ErstelltAm).ThenBy(t => t.Id).ToListAsync(ct);

    private async Task SpeichernAsync(Guid? fallId, CancellationToken ct)
    {
        var protokoll = audit is AuditProtokoll p ? p.AlsEintraege(StatusCodes.Status200OK) : [];
        schreiber.Hinzufuegen(db, protokoll);
        try
        {
            await using var transaktion = await db.Database.BeginTransactionAsync(ct);
            if (fallId is { } id)
            {
                await NichtGesperrtAsync(id, (NpgsqlTransaction)transaktion.GetDbTransaction(), ct);
            }

            await db.SaveChangesAsync(ct);
            await transaktion.CommitAsync(ct);
            audit.AlsGespeichertMarkieren();
        }
        catch (Exception e)
        {
            // Left open, the entries are written at the end of the request with its error status.
            foreach (var eintrag in protokoll)
            {
                db.Entry(eintrag).State = EntityState.Detached;
            }

            if (e is DbUpdateConcurrencyException)
            {
                throw new KonfliktException("Das Thema wurde zwischenzeitlich geändert. Bitte laden Sie die Liste neu.", e);
            }

            throw;
        }
    }

    /// <summary>Locks the Fall's row (shared) for the rest of the transaction and refuses it when a hold is active (seen by a statement after the lock).</summary>
    private async Task NichtGesperrtAsync(Guid fallId, NpgsqlTransaction transaktion, CancellationToken ct)
    {
        var verbindung = transaktion.Connection!;
        await using (var sperren = new NpgsqlCommand("SELECT 1 FROM faelle WHERE id = $1 FOR SHARE", verbindung, transaktion))
        {
            sperren.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = fallId });
            await sperren.ExecuteNonQueryAsync(ct);
        }

        await using var befehl = new NpgsqlCommand(SperreSql, verbindung, transaktion);
        befehl.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = fallId });
        befehl.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = kalender.Heute });
        await using var leser = await befehl.ExecuteReaderAsync(ct);
        if (await leser.ReadAsync(ct))
        {
            throw new FallGesperrtException(new FallSperrvermerk(leser.GetFieldValue<DateTimeOffset>(0), leser.IsDBNull(1) ? null : leser.GetFieldValue<DateOnly>(1)));
        }
    }
}
