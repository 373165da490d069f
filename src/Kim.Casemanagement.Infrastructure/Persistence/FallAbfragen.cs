using System.Linq.Expressions;
using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Einwilligungen;
using Kim.Casemanagement.Application.Faelle.Auslastung;
using Kim.Casemanagement.Application.Faelle.Ereignisse;
using Kim.Casemanagement.Application.Faelle.FaelleSuchen;
using Kim.Casemanagement.Application.Faelle.Notizen;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using Kim.Casemanagement.Domain.Faelle.Bildung;
using Kim.Casemanagement.Domain.Faelle.Leistungen;
using Kim.Casemanagement.Domain.Faelle.Prozess;
using Kim.Casemanagement.Infrastructure.Datenschutz;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Persistence;

/// <summary>Read-side queries as EF projections (no tracking, no aggregate loading).</summary>
internal sealed class FallAbfragen(KimDbContext db) : IFallAbfragen
{
    public async Task<Seite<FallZeile>> SuchenAsync(FallSuche suche, FallListenSicht sicht, DateOnly heute, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(suche);
        ArgumentNullException.ThrowIfNull(sicht);
        var q = Gelistet(heute).Where(f => f.Mandant == sicht.Mandant).Where(Sichtbar(sicht, heute));

        if (!string.IsNullOrWhiteSpace(suche.Suche))
        {
            var muster = "%" + LikeEscape(Texte.Normalisieren(suche.Suche)!) + "%";
            q = q.Where(f => EF.Functions.ILike(f.Klient.Vorname + " " + f.Klient.Nachname, muster, "\\") || EF.Functions.ILike(f.Aktenzeichen, muster, "\\"));
        }

        if (suche.Phase is { } phase)
        {
            var zustaende = Blaetter<ProzessZustand>(Spur.Prozess, phase, "phase");
            q = q.Where(f => zustaende.Contains(f.Prozess.Zustand));
        }

        if (suche.Spur is { } spurText && suche.Zustand is { } zustandText)
        {
            switch (Parse<Spur>(spurText, "spur"))
            {
                case Spur.Prozess:
                    var p = Blaetter<ProzessZustand>(Spur.Prozess, zustandText, "zustand");
                    q = q.Where(f => p.Contains(f.Prozess.Zustand));
                    break;
                case Spur.Aufenthalt:
                    var a = Blaetter<AufenthaltZustand>(Spur.Aufenthalt, zustandText, "zustand");
                    q = q.Where(f => a.Contains(f.Aufenthalt.Zustand));
                    break;
                case Spur.Leistungen:
                    var l = Blaetter<LeistungenZustand>(Spur.Leistungen, zustandText, "zustand");
                    q = q.Where(f => l.Contains(f.Leistungen.Zustand));
                    break;
                case Spur.Bildung:
                    var b = Blaetter<BildungZustand>(Spur.Bildung, zustandText, "zustand");
                    q = q.Where(f => b.Contains(f.Bildung.Zustand));
                    break;
                default:
                    throw new DomainException("Nach dieser Spur kann nicht gefiltert werden.", new Dictionary<string, string[]> { ["spur"] = ["Nach dieser Spur kann nicht gefiltert werden."] });
            }
        }

        if (suche.FaelligeWiedervorlagen)
        {
            q = q.Where(f => db.Wiedervorlagen.Any(w => w.FallId == f.Id && w.ErledigtAm == null && w.Faellig <= heute));
        }

        if (suche.OhneKontaktSeitTagen is { } tage)
        {
            var grenze = heute.AddDays(-tage);
            q = q.Where(f => (f.LetzterKontaktAm ?? f.AufgenommenAm) <= grenze);
        }

        if (suche.FallmanagerId is { } fm)
        {
            q = q.Where(f => f.FallmanagerId == fm);
        }

        if (suche.OhneFallmanager)
        {
            q = q.Where(f => f.FallmanagerId == null);
        }

        var gesamt = await q.CountAsync(ct);
        var projiziert = q.Select(f => new
        {
            f.Id,
            f.Aktenzeichen,
            f.Klient.Vorname,
            f.Klient.Nachname,
            f.Klient.Geburtsdatum,
            f.Klient.Herkunftsland,
            f.FallmanagerId,
            Prozess = f.Prozess.Zustand,
            Aufenthalt = f.Aufenthalt.Zustand,
            Leistungen = f.Leistungen.Zustand,
            Bildung = f.Bildung.Zustand,
            NaechsteWiedervorlage = db.Wiedervorlagen.Where(w => w.FallId == f.Id && w.ErledigtAm == null).Min(w => (DateOnly?)w.Faellig),
            Faellige = db.Wiedervorlagen.Count(w => w.FallId == f.Id && w.ErledigtAm == null && w.Faellig <= heute),
            f.LetzterKontaktAm,
            f.GeaendertAm,
        });

        projiziert = (suche.Sortierung, suche.Absteigend) switch
        {
            ("aktenzeichen", false) => projiziert.OrderBy(x => x.Aktenzeichen),
            ("aktenzeichen", true) => projiziert.OrderByDescending(x => x.Aktenzeichen),
            ("name", false) => projiziert.OrderBy(x => x.Nachname).ThenBy(x => x.Vorname).ThenBy(x => x.Id),
            ("name", true) => projiziert.OrderByDescending(x => x.Nachname).ThenByDescending(x => x.Vorname).ThenBy(x => x.Id),
            ("wiedervorlage", false) => projiziert.OrderBy(x => x.NaechsteWiedervorlage == null).ThenBy(x => x.NaechsteWiedervorlage).ThenBy(x => x.Id),
            ("wiedervorlage", true) => projiziert.OrderBy(x => x.NaechsteWiedervorlage == null).ThenByDescending(x => x.NaechsteWiedervorlage).ThenBy(x => x.Id),
            (_, false) => projiziert.OrderBy(x => x.GeaendertAm).ThenBy(x => x.Id),
            _ => projiziert.OrderByDescending(x => x.GeaendertAm).ThenBy(x => x.Id),
        };

        var zeilen = await projiziert.Skip((suche.Seite - 1) * suche.Groesse).Take(suche.Groesse).ToListAsync(ct);
        var eintraege = zeilen.Select(x => new FallZeile(
            x.Id, x.Aktenzeichen, x.Vorname, x.Nachname, x.Geburtsdatum, x.Herkunftsland, x.FallmanagerId,
            x.Prozess.ToString(), x.Aufenthalt.ToString(), x.Leistungen.ToString(), x.Bildung.ToString(),
            x.NaechsteWiedervorlage, x.Faellige, x.LetzterKontaktAm, x.GeaendertAm)).ToArray();
        if (sicht.NurPartner)
        {
            eintraege = await NurEingewilligteSpaltenAsync(eintraege, sicht.Partner!.Value, heute, ct);
        }

        return new Seite<FallZeile>(eintraege, gesamt, suche.Seite, suche.Groesse);
    }

    public async Task<AuslastungRoh> AuslastungAsync(FallListenSicht sicht, DateOnly heute, int ohneKontaktTage, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sicht);
        var offen = Blaetter<ProzessZustand>(Spur.Prozess, nameof(ProzessZustand.Offen), "phase");
        var grenze = heute.AddDays(-ohneKontaktTage);
        var q = Gelistet(heute).Where(f => f.Mandant == sicht.Mandant).Where(Sichtbar(sicht, heute))
            .Where(f => f.FallmanagerId != null && offen.Contains(f.Prozess.Zustand));
        var gruppen = await q
            .GroupBy(f => new
            {
                f.FallmanagerId,
                Phase = f.Prozess.Zustand,
                A = f.Aufenthalt.Zustand != AufenthaltZustand.KeinStatus,
                L = f.Leistungen.Zustand != LeistungenZustand.KeinLeistungsbezug,
                B = f.Bildung.Zustand != BildungZustand.KeineBeratung,
            })
            .Select(g => new
            {
                g.Key.FallmanagerId,
                g.Key.Phase,
                g.Key.A,
                g.Key.L,
                g.Key.B,
                Anzahl = g.Count(),
                OhneKontakt = g.Count(f => (f.LetzterKontaktAm ?? f.AufgenommenAm) <= grenze),
            })
            .ToListAsync(ct);
        var wiedervorlagen = await db.Wiedervorlagen.AsNoTracking()
            .Where(w => w.ErledigtAm == null && w.Faellig <= heute)
            .Join(q, w => w.FallId, f => f.Id, (w, f) => new { f.FallmanagerId, w.FallId, w.Faellig })
            .GroupBy(x => x.FallmanagerId)
            .Select(g => new
            {
                FallmanagerId = g.Key,
                Faellig = g.Count(),
                Ueberfaellig = g.Where(x => x.Faellig < heute).Select(x => x.FallId).Distinct().Count(),
            })
            .ToListAsync(ct);
        return new AuslastungRoh(
            [.. gruppen.Select(g => new AuslastungsGruppe(g.FallmanagerId!, g.Phase.ToString(), (g.A ? 1 : 0) + (g.L ? 1 : 0) + (g.B ? 1 : 0), g.Anzahl, g.OhneKontakt))],
            [.. wiedervorlagen.Select(w => new WiedervorlagenJeFallmanager(w.FallmanagerId!, w.Faellig, w.Ueberfaellig))]);
    }

    /// <summary>
    /// The Fälle of the lists, the search and the team lead's figures: all but the held ones (Sperrung, Art. 18 DSGVO:
    /// a held Fall is hidden from normal lists and does not count in the workload; it is still read by id). The hold
    /// condition is the one definition in <see cref="FallSperrung"/>, with the caller's business day.
    /// </summary>
    private IQueryable<Fall> Gelistet(DateOnly heute) =>
        db.Faelle.FromSqlRaw(GelistetSql, new NpgsqlParameter<DateOnly>("heute", heute)).AsNoTracking();

    /// <summary>Built once from constants (no input in it); today is the parameter <c>@heute</c>.</summary>
    private static readonly string GelistetSql = $"SELECT * FROM faelle WHERE NOT {FallSperrung.Gesperrt("faelle.id", "@heute")}";

    /// <summary>The visibility rules of FallZugriff as a predicate: only the branches that apply to the caller.</summary>
    private Expression<Func<Fall, bool>> Sichtbar(FallListenSicht sicht, DateOnly heute)
    {
        var teile = new List<Expression<Func<Fall, bool>>>();
        if (sicht.FallmanagerId is { } ich)
        {
            teile.Add(f => f.FallmanagerId == ich || db.Vertretungen.Any(v => v.FallId == f.Id && v.BenutzerId == ich && v.Von <= heute && v.Bis >= heute));
        }

        if (sicht.TeamId is { } team)
        {
            teile.Add(f => f.TeamId == team);
        }

        if (sicht.Partner is { } partner)
        {
            var empfaenger = partner.AlsEmpfaenger();
            teile.Add(f => db.Einwilligungen.Any(e => e.FallId == f.Id && e.Empfaenger == empfaenger && e.WiderrufenAm == null
                && e.GueltigAb <= heute && (e.GueltigBis == null || e.GueltigBis >= heute)));
        }

        if (teile.Count == 0)
        {
            return f => false;
        }

        var parameter = Expression.Parameter(typeof(Fall), "f");
        var rumpf = teile.Select(t => new ParameterErsetzen(t.Parameters[0], parameter).Visit(t.Body)!).Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<Fall, bool>>(rumpf, parameter);
    }

    /// <summary>A partner sees the file number and their track; the name only with consent to Stammdaten.</summary>
    private async Task<FallZeile[]> NurEingewilligteSpaltenAsync(FallZeile[] zeilen, Behoerde partner, DateOnly heute, CancellationToken ct)
    {
        var ids = zeilen.Select(z => z.Id).ToArray();
        var empfaenger = partner.AlsEmpfaenger();
        var kategorien = await db.Einwilligungen.AsNoTracking()
            .Where(e => ids.Contains(e.FallId) && e.Empfaenger == empfaenger && e.WiderrufenAm == null && e.GueltigAb <= heute && (e.GueltigBis == null || e.GueltigBis >= heute))
            .Select(e => new { e.FallId, e.Datenkategorien })
            .ToListAsync(ct);
        var proFall = kategorien.GroupBy(k => k.FallId).ToDictionary(g => g.Key, g => g.Aggregate(Datenkategorie.Keine, (a, k) => a | k.Datenkategorien));
        var spur = partner.AlsSpur();
        return zeilen.Select(z =>
        {
            var k = proFall.GetValueOrDefault(z.Id);
            var stamm = (k & Datenkategorie.Stammdaten) != 0;
            var spurErlaubt = (k & FallSicht.SpurKategorie(spur)) != 0;
            return z with
            {
                Vorname = stamm ? z.Vorname : string.Empty,
                Nachname = stamm ? z.Nachname : string.Empty,
                Geburtsdatum = stamm ? z.Geburtsdatum : default,
                Herkunftsland = stamm ? z.Herkunftsland : string.Empty,
                FallmanagerId = null,
                Prozess = string.Empty,
                Aufenthalt = spur == Spur.Aufenthalt && spurErlaubt ? z.Aufenthalt : string.Empty,
                Leistungen = spur == Spur.Leistungen && spurErlaubt ? z.Leistungen : string.Empty,
                Bildung = spur == Spur.Bildung && spurErlaubt ? z.Bildung : string.Empty,
                NaechsteWiedervorlage = null,
                FaelligeWiedervorlagen = 0,
                LetzterKontaktAm = null,
            };
        }).ToArray();
    }

    private sealed class ParameterErsetzen(ParameterExpression alt, ParameterExpression neu) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == alt ? neu : base.VisitParameter(node);
    }

    public Task<bool> ExistiertAsync(Guid fallId, CancellationToken ct) => db.Faelle.AnyAsync(f => f.Id == fallId, ct);

    public async Task<IReadOnlyList<EreignisDetail>> EreignisseAsync(Guid fallId, CancellationToken ct)
    {
        var ereignisse = await db.FallEreignisse.AsNoTracking().Where(e => e.FallId == fallId).OrderBy(e => e.Nr).ToListAsync(ct);
        return ereignisse.Select(e => new EreignisDetail(
            e.Nr,
            e.Spur.ToString(),
            e.UeberleitungId,
            e.Trigger,
            e.VonZustand,
            e.VonZustand is null ? null : Fall.ZustandBezeichnung(e.Spur, e.VonZustand),
            e.NachZustand,
            Fall.ZustandBezeichnung(e.Spur, e.NachZustand),
            e.FachlichesDatum,
            e.ErfasstAm,
            e.Akteur,
            e.Notiz,
            e.Parameter,
            e.AusgeloestDurch)).ToArray();
    }

    public async Task<IReadOnlyList<NotizDetail>> NotizenAsync(Guid fallId, CancellationToken ct) =>
        await db.Notizen.AsNoTracking().Where(n => n.FallId == fallId).OrderByDescending(n => n.VerfasstAm)
            .Select(n => new NotizDetail(n.Id, n.Text, n.VerfasstVon, n.VerfasstAm)).ToListAsync(ct);

    private static TEnum Parse<TEnum>(string name, string feld)
        where TEnum : struct, Enum =>
        Enum.GetNames<TEnum>().Contains(name, StringComparer.Ordinal)
            ? Enum.Parse<TEnum>(name)
            : throw new DomainException("Unbekannter Zustand im Filter.", new Dictionary<string, string[]> { [feld] = [$"„{(name.Length > 60 ? name[..60] : name)}“ ist kein bekannter Zustand."] });

    /// <summary>A state and, if it is a superstate (e.g. Geduldet, Sgb2, Aktiv), all states inside it (from the track registry).</summary>
    private static List<TEnum> Blaetter<TEnum>(Spur spur, string name, string feld)
        where TEnum : struct, Enum
    {
        Parse<TEnum>(name, feld);
        return Spurregister.Von(spur).MitUnterzustaenden(name).Select(Enum.Parse<TEnum>).ToList();
    }

    private static string LikeEscape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
