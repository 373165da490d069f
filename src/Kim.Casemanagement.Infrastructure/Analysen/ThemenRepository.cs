using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Analysen.Themen;
using Kim.Casemanagement.Application.Common;
using Kim.Casemanagement.Domain.Themen;
using Kim.Casemanagement.Infrastructure.Audit;
using Kim.Casemanagement.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Kim.Casemanagement.Infrastructure.Analysen;

/// <summary>EF repository of generative Themen; a write and the request's audit entries commit together.</summary>
internal sealed class ThemenRepository(KimDbContext db, IAuditProtokoll audit, AuditSchreiber schreiber) : IThemenRepository
{
    public async Task HinzufuegenAsync(Thema thema, CancellationToken ct)
    {
        db.Set<Thema>().Add(thema);
        await SpeichernAsync(ct);
    }

    public Task<Thema?> LadenAsync(Guid id, string mandant, CancellationToken ct) =>
        db.Set<Thema>().FirstOrDefaultAsync(t => t.Id == id && t.Mandant == mandant, ct);

    public Task SpeichernAsync(Thema thema, CancellationToken ct) => SpeichernAsync(ct);

    public async Task<IReadOnlyList<Thema>> DesFallsAsync(Guid fallId, CancellationToken ct) =>
        await db.Set<Thema>().AsNoTracking().Where(t => t.FallId == fallId).OrderByDescending(t => t.ErstelltAm).ThenBy(t => t.Id).ToListAsync(ct);

    private async Task SpeichernAsync(CancellationToken ct)
    {
        var protokoll = audit is AuditProtokoll p ? p.AlsEintraege(StatusCodes.Status200OK) : [];
        schreiber.Hinzufuegen(db, protokoll);
        try
        {
            await db.SaveChangesAsync(ct);
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
}
