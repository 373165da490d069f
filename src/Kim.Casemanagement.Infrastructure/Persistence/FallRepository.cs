using System.Globalization;
using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Common;
using Kim.Casemanagement.Domain.Faelle;
using Microsoft.EntityFrameworkCore;
using Kim.Casemanagement.Infrastructure.Audit;
using Kim.Casemanagement.Infrastructure.Benachrichtigungen;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Persistence;

/// <summary>EF Core repository of the Fall aggregate; one SaveChanges = one transaction, guarded by the Fall's version.</summary>
internal sealed class FallRepository(KimDbContext db, IAuditProtokoll audit, AuditSchreiber schreiber, IBenachrichtigungen benachrichtigungen, BenachrichtigungsWecker wecker, TimeProvider zeit, Idempotenz.IdempotenzKontext idempotenz) : IFallRepository
{
    // Compiled once: the LINQ tree of the aggregate load is not rebuilt, hashed and looked up on every request.
    private static readonly Func<KimDbContext, Guid, CancellationToken, Task<Fall?>> Verfolgt =
        EF.CompileAsyncQuery((KimDbContext k, Guid id, CancellationToken ct) => Aggregat(k.Faelle).FirstOrDefault(f => f.Id == id));

    private static readonly Func<KimDbContext, Guid, CancellationToken, Task<Fall?>> Unverfolgt =
        EF.CompileAsyncQuery((KimDbContext k, Guid id, CancellationToken ct) => Aggregat(k.Faelle.AsNoTracking()).FirstOrDefault(f => f.Id == id));

    public Task<Fall?> LadenAsync(Guid id, CancellationToken ct) => Verfolgt(db, id, ct);

    public Task<Fall?> LesenAsync(Guid id, CancellationToken ct) => Unverfolgt(db, id, ct);

    private static IQueryable<Fall> Aggregat(IQueryable<Fall> faelle) =>
        faelle
            .Include(f => f.Klient)
            .Include(f => f.Einwilligungen)
            .Include(f => f.Ziele)
            .Include(f => f.Wiedervorlagen)
            .Include(f => f.Vertretungen)
            .Include(f => f.Ueberleitungen)
            .AsSplitQuery();

    public async Task HinzufuegenAsync(Fall fall, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(fall);
        db.Klienten.Add(fall.Klient);
        db.Entry(fall.Klient).Property("Mandant").CurrentValue = fall.Mandant;
        db.Faelle.Add(fall);
        NeueDatensaetze(fall);
        await SpeichernAsync(fall.Id, ct);
        fall.Gespeichert();
    }

    public async Task SpeichernAsync(Fall fall, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(fall);
        NeueDatensaetze(fall);
        await SpeichernAsync(fall.Id, ct);
        fall.Gespeichert();
    }

    public async Task<string> NaechstesAktenzeichenAsync(DateOnly heute, CancellationToken ct)
    {
        var nummer = await db.Database.SqlQueryRaw<long>("SELECT nextval('aktenzeichen_seq') AS \"Value\"").SingleAsync(ct);
        return string.Create(CultureInfo.InvariantCulture, $"KIM-{heute.Year}-{nummer:000000}");
    }

    private void NeueDatensaetze(Fall fall)
    {
        db.FallEreignisse.AddRange(fall.NeueEreignisse.Where(e => db.Entry(e).State == EntityState.Detached));
        db.Notizen.AddRange(fall.NeueNotizen.Where(n => db.Entry(n).State == EntityState.Detached));
        db.KompetenzprofilUebergaben.AddRange(fall.NeueUebergaben.Where(u => db.Entry(u).State == EntityState.Detached));
    }

    private async Task SpeichernAsync(Guid fallId, CancellationToken ct)
    {
        // The audit entries of this request go into the same transaction as the change they describe.
        var protokoll = audit is AuditProtokoll p ? p.AlsEintraege(StatusCodes.Status200OK) : [];
        schreiber.Hinzufuegen(db, protokoll);
        var offen = benachrichtigungen.Offen;
        try
        {
            if (offen.Count == 0 && idempotenz.Schluessel is null)
            {
                await db.SaveChangesAsync(ct);
            }
            else
            {
                // The notices and the idempotency key are part of the change: same transaction, so nothing
                // un-committed is notified and a committed change always has its key.
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var verbindung = (NpgsqlConnection)db.Database.GetDbConnection();
                var npgsqlTx = (NpgsqlTransaction)tx.GetDbTransaction();
                if (idempotenz.Schluessel is not null)
                {
                    await Idempotenz.IdempotenzSpeicher.EinfuegenAsync(verbindung, npgsqlTx, idempotenz, fallId, zeit.GetUtcNow(), ct);
                }

                await db.SaveChangesAsync(ct);
                if (offen.Count > 0)
                {
                    await BenachrichtigungsSql.SchreibenAsync(verbindung, npgsqlTx, offen, zeit.GetUtcNow(), ct);
                }

                await tx.CommitAsync(ct);
                if (idempotenz.Schluessel is not null)
                {
                    idempotenz.AlsGespeichertMarkieren();
                }
            }

            audit.AlsGespeichertMarkieren();
            if (offen.Count > 0)
            {
                benachrichtigungen.AlsGespeichertMarkieren();
                wecker.Wecken();
            }
        }
        catch (Exception e)
        {
            // Left open, the entries are written at the end of the request with its error status.
            foreach (var eintrag in protokoll)
            {
                db.Entry(eintrag).State = EntityState.Detached;
            }

            if (e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "pk_idempotenz" })
            {
                throw new Idempotenz.WiederholteAnfrageException(e);
            }

            if (e is DbUpdateConcurrencyException
                || (e is DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "ux_fall_ereignisse_fall_id_nr" } }))
            {
                throw new KonfliktException(KonfliktException.StandardText, e);
            }

            throw;
        }
    }
}
