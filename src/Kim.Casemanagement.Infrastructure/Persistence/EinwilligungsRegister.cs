using Kim.Casemanagement.Domain.Einwilligungen;
using Microsoft.EntityFrameworkCore;

namespace Kim.Casemanagement.Infrastructure.Persistence;

/// <summary>The consent register for the data-protection officer: every consent of the tenant with file number, recipient, categories, purpose, validity and withdrawal.</summary>
public sealed class EinwilligungsRegister(KimDbContext db)
{
    public async Task<(IReadOnlyList<EinwilligungsEintrag> Eintraege, int Gesamt)> SuchenAsync(string mandant, Empfaenger? empfaenger, string? status, Guid? fallId, DateOnly heute, DateTimeOffset jetzt, int seite, int groesse, CancellationToken ct)
    {
        var q = from e in db.Einwilligungen.AsNoTracking()
                join f in db.Faelle.AsNoTracking() on e.FallId equals f.Id
                where f.Mandant == mandant
                select new { e, f.Aktenzeichen };
        if (empfaenger is { } emp)
        {
            q = q.Where(x => x.e.Empfaenger == emp);
        }

        if (fallId is { } id)
        {
            q = q.Where(x => x.e.FallId == id);
        }

        q = status switch
        {
            "gueltig" => q.Where(x => x.e.WiderrufenAm == null && x.e.GueltigAb <= heute && (x.e.GueltigBis == null || x.e.GueltigBis >= heute)),
            "widerrufen" => q.Where(x => x.e.WiderrufenAm != null),
            "abgelaufen" => q.Where(x => x.e.WiderrufenAm == null && x.e.GueltigBis != null && x.e.GueltigBis < heute),
            "kuenftig" => q.Where(x => x.e.WiderrufenAm == null && x.e.GueltigAb > heute),
            _ => q,
        };
        var gesamt = await q.CountAsync(ct);
        var zeilen = await q.OrderByDescending(x => x.e.ErfasstAm).ThenBy(x => x.e.Id).Skip((seite - 1) * groesse).Take(groesse).ToListAsync(ct);
        return (zeilen.Select(x => new EinwilligungsEintrag(
            x.e.Id, x.e.FallId, x.Aktenzeichen, x.e.Empfaenger.ToString(),
            Enum.GetValues<Datenkategorie>().Where(c => c != Datenkategorie.Keine && x.e.Umfasst(c)).Select(c => c.ToString()).ToArray(),
            x.e.Zweck, x.e.GueltigAb, x.e.GueltigBis, x.e.FormularReferenz, x.e.ErfasstAm, x.e.ErfasstVon, x.e.WiderrufenAm, x.e.WiderrufenVon,
            x.e.IstGueltigZu(jetzt, heute))).ToArray(), gesamt);
    }
}
