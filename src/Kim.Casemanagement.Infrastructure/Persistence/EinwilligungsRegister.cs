using Kim.Casemanagement.Application.Datenschutz.Einwilligungsregister;
using Kim.Casemanagement.Domain.Einwilligungen;
using Microsoft.EntityFrameworkCore;

namespace Kim.Casemanagement.Infrastructure.Persistence;

/// <summary>
/// The consent register for the data-protection officer: every consent of the tenant's Fälle (anonymised Fälle have
/// none) with file number, recipient, categories, purpose, validity and withdrawal, filtered in the database.
/// </summary>
public sealed class EinwilligungsRegister(KimDbContext db) : IEinwilligungsRegister
{
    public async Task<RegisterSeite> SuchenAsync(string mandant, RegisterFilter filter, DateOnly heute, DateTimeOffset jetzt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var q = from e in db.Einwilligungen.AsNoTracking()
                join f in db.Faelle.AsNoTracking() on e.FallId equals f.Id
                where f.Mandant == mandant
                select new { e, f.Aktenzeichen };
        if (filter.Empfaenger is { } name)
        {
            var empfaenger = Enum.Parse<Empfaenger>(name);
            q = q.Where(x => x.e.Empfaenger == empfaenger);
        }

        if (filter.Kategorie is { } kategorieName)
        {
            var kategorie = Enum.Parse<Datenkategorie>(kategorieName);
            q = q.Where(x => x.e.Datenkategorien.HasFlag(kategorie));
        }

        if (filter.FallId is { } id)
        {
            q = q.Where(x => x.e.FallId == id);
        }

        if (filter.Aktenzeichen is { } aktenzeichen)
        {
            var beginn = aktenzeichen.ToUpperInvariant();
            q = q.Where(x => x.Aktenzeichen.StartsWith(beginn));
        }

        // Valid on at least one day of the period: begun by its end, not ended before its start, not withdrawn before
        // its start (a consent is valid up to the day before the day of its withdrawal, UTC, as Einwilligung.IstGueltigAm says).
        if (filter.Bis is { } bis)
        {
            q = q.Where(x => x.e.GueltigAb <= bis);
        }

        if (filter.Von is { } von)
        {
            var widerrufFruehestens = new DateTimeOffset(von.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            q = q.Where(x => (x.e.GueltigBis == null || x.e.GueltigBis >= von) && (x.e.WiderrufenAm == null || x.e.WiderrufenAm >= widerrufFruehestens));
        }

        var ablauf = heute.AddDays(filter.Tage ?? RegisterFilter.StandardTage);
        q = filter.Status switch
        {
            RegisterStatus.Gueltig => q.Where(x => x.e.WiderrufenAm == null && x.e.GueltigAb <= heute && (x.e.GueltigBis == null || x.e.GueltigBis >= heute)),
            RegisterStatus.Ablaufend => q.Where(x => x.e.WiderrufenAm == null && x.e.GueltigAb <= heute && x.e.GueltigBis != null && x.e.GueltigBis >= heute && x.e.GueltigBis <= ablauf),
            RegisterStatus.Abgelaufen => q.Where(x => x.e.WiderrufenAm == null && x.e.GueltigBis != null && x.e.GueltigBis < heute),
            RegisterStatus.Widerrufen => q.Where(x => x.e.WiderrufenAm != null),
            RegisterStatus.Kuenftig => q.Where(x => x.e.WiderrufenAm == null && x.e.GueltigAb > heute),
            _ => q,
        };

        var gesamt = await q.CountAsync(ct);
        var zeilen = await q.OrderByDescending(x => x.e.ErfasstAm).ThenBy(x => x.e.Id)
            .Skip((filter.Seite - 1) * filter.Groesse).Take(filter.Groesse).ToListAsync(ct);
        var eintraege = zeilen.Select(x => new EinwilligungsEintrag(
            x.e.Id, x.e.FallId, x.Aktenzeichen, x.e.Empfaenger.ToString(),
            Enum.GetValues<Datenkategorie>().Where(c => c != Datenkategorie.Keine && x.e.Umfasst(c)).Select(c => c.ToString()).ToArray(),
            x.e.Zweck, x.e.GueltigAb, x.e.GueltigBis, x.e.FormularReferenz, x.e.ErfasstAm, x.e.ErfasstVon, x.e.WiderrufenAm, x.e.WiderrufenVon,
            x.e.IstGueltigZu(jetzt, heute))).ToArray();
        return new RegisterSeite(eintraege, gesamt, filter.Seite, filter.Groesse);
    }

    public async Task<EinwilligungsKennzahlen> KennzahlenAsync(string mandant, DateOnly heute, int ablaufTage, CancellationToken ct)
    {
        var ablauf = heute.AddDays(ablaufTage);
        var zahlen = await (from e in db.Einwilligungen.AsNoTracking()
                            join f in db.Faelle.AsNoTracking() on e.FallId equals f.Id
                            where f.Mandant == mandant
                            group e by 1 into g
                            select new
                            {
                                Gueltig = g.Count(e => e.WiderrufenAm == null && e.GueltigAb <= heute && (e.GueltigBis == null || e.GueltigBis >= heute)),
                                Ablaufend = g.Count(e => e.WiderrufenAm == null && e.GueltigAb <= heute && e.GueltigBis != null && e.GueltigBis >= heute && e.GueltigBis <= ablauf),
                                Abgelaufen = g.Count(e => e.WiderrufenAm == null && e.GueltigBis != null && e.GueltigBis < heute),
                                Widerrufen = g.Count(e => e.WiderrufenAm != null),
                                Kuenftig = g.Count(e => e.WiderrufenAm == null && e.GueltigAb > heute),
                            }).FirstOrDefaultAsync(ct);
        return zahlen is null
            ? new EinwilligungsKennzahlen(0, 0, ablaufTage, 0, 0, 0)
            : new EinwilligungsKennzahlen(zahlen.Gueltig, zahlen.Ablaufend, ablaufTage, zahlen.Abgelaufen, zahlen.Widerrufen, zahlen.Kuenftig);
    }
}
