using Kim.Casemanagement.Application.Analysen.Rohdaten;
using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Application.Analysen.Algorithmen;

/// <summary>
/// The analyses as plain algorithms over an event sequence. The database port computes the same figures in SQL (so that
/// 1M events never travel to the application); these implementations define what the SQL must return and are the
/// reference the SQL is tested against.
/// <para>
/// Traces: the events of one Fall on one track (per referral on the track Überleitung), ordered by fachliches Datum and
/// number; across tracks: all events of one Fall in that order. A node is a state (for referrals qualified by the
/// receiving authority); every event is one entry into its state; consecutive events form a directly-follows step whose
/// duration is the days between their fachliche Daten.
/// </para>
/// </summary>
public static class Ereignisfolgen
{
    /// <summary>The process map. <paramref name="spuruebergreifend"/>: one trace per Fall across tracks; otherwise one per Fall and track (only <paramref name="spur"/>, or every track when null).</summary>
    public static LandkartenRohdaten Landkarte(IEnumerable<AnalyseEreignis> ereignisse, Spur? spur, bool spuruebergreifend, DateOnly heute, Func<Guid, bool> istOffen)
    {
        ArgumentNullException.ThrowIfNull(ereignisse);
        ArgumentNullException.ThrowIfNull(istOffen);
        var spuren = Spuren(ereignisse.Where(e => spuruebergreifend || spur is null || e.Spur == spur), spuruebergreifend);
        var besuche = spuren.SelectMany(s => s.Select((e, i) => (Ereignis: e, Index: i, Folge: s))).ToList();

        var knoten = besuche
            .GroupBy(b => (b.Ereignis.Spur, Gruppe: Gruppe(b.Ereignis), b.Ereignis.NachZustand))
            .Select(g =>
            {
                var dauern = g.Where(b => b.Index + 1 < b.Folge.Count).Select(b => (double)(b.Folge[b.Index + 1].Datum.DayNumber - b.Ereignis.Datum.DayNumber)).ToList();
                var starts = g.Where(b => b.Index == 0).ToList();
                return new KnotenRoh(
                    g.Key.Spur, g.Key.Gruppe, g.Key.NachZustand, g.Count(), g.Select(b => b.Ereignis.FallId).Distinct().Count(),
                    starts.Count, starts.Select(b => b.Ereignis.FallId).Distinct().Count(),
                    Perzentil.Kontinuierlich(dauern, 0.5), Perzentil.Kontinuierlich(dauern, 0.8));
            })
            .ToList();

        var kanten = besuche
            .GroupBy(b =>
            {
                var nach = b.Index + 1 < b.Folge.Count ? b.Folge[b.Index + 1] : null;
                return (b.Ereignis.Spur, Gruppe: Gruppe(b.Ereignis), b.Ereignis.NachZustand, NachSpur: nach?.Spur, NachGruppe: nach is null ? null : Gruppe(nach), Nach: nach?.NachZustand);
            })
            .Select(g =>
            {
                var dauern = g.Where(b => b.Index + 1 < b.Folge.Count).Select(b => (double)(b.Folge[b.Index + 1].Datum.DayNumber - b.Ereignis.Datum.DayNumber)).ToList();
                var offen = g.Key.Nach is null ? g.Where(b => istOffen(b.Ereignis.FallId)).ToList() : [];
                var wartetage = offen.Select(b => (double)(heute.DayNumber - b.Ereignis.Datum.DayNumber)).ToList();
                return new KanteRoh(
                    g.Key.Spur, g.Key.Gruppe, g.Key.NachZustand, g.Key.NachSpur, g.Key.NachGruppe, g.Key.Nach,
                    g.Count(), g.Select(b => b.Ereignis.FallId).Distinct().Count(),
                    Perzentil.Kontinuierlich(dauern, 0.5), Perzentil.Kontinuierlich(dauern, 0.8),
                    offen.Count, offen.Select(b => b.Ereignis.FallId).Distinct().Count(),
                    Perzentil.Kontinuierlich(wartetage, 0.5), Perzentil.Kontinuierlich(wartetage, 0.8));
            })
            .ToList();
        List<VerlaufSummeRoh> summen = spuruebergreifend
            ? [new VerlaufSummeRoh(null, spuren.Count, spuren.Select(s => s[0].FallId).Distinct().Count())]
            : spuren.GroupBy(s => s[0].Spur).Select(g => new VerlaufSummeRoh(g.Key, g.Count(), g.Select(s => s[0].FallId).Distinct().Count())).ToList();
        return new LandkartenRohdaten(knoten, kanten, summen);
    }

    /// <summary>All variants of a track (a state repeated by a step that stays in it counts once), most frequent first.</summary>
    public static VariantenRohdaten Varianten(IEnumerable<AnalyseEreignis> ereignisse, Spur spur)
    {
        ArgumentNullException.ThrowIfNull(ereignisse);
        var folgen = Spuren(ereignisse.Where(e => e.Spur == spur), spuruebergreifend: false);
        var pfade = folgen.Select(f => (
                Pfad: f.Where(e => e.VonZustand != e.NachZustand).Select(e => e.NachZustand).ToList(),
                Dauer: (double)(f.Max(e => e.Datum).DayNumber - f.Min(e => e.Datum).DayNumber),
                f[0].FallId))
            .ToList();
        var varianten = pfade
            .GroupBy(p => string.Join('>', p.Pfad), StringComparer.Ordinal)
            .Select(g => new VarianteRoh(g.First().Pfad, g.Count(), g.Select(p => p.FallId).Distinct().Count(), Perzentil.Kontinuierlich(g.Select(p => p.Dauer), 0.5)))
            .OrderByDescending(v => v.Anzahl).ThenBy(v => string.Join('>', v.Zustaende), StringComparer.Ordinal)
            .ToList();
        return new VariantenRohdaten(pfade.Count, pfade.Select(p => p.FallId).Distinct().Count(), varianten.Count, varianten);
    }

    /// <summary>
    /// Conformance with the ideal flow (see <see cref="AnalysenHandler"/> for the definition): per evaluated track and over
    /// all of them, the Fälle with events there and those whose every step (a step that stays in its state excepted) is an
    /// allowed step; and every step outside the ideal flow with its frequency.
    /// </summary>
    public static KonformitaetsRohdaten Konformitaet(IEnumerable<AnalyseEreignis> ereignisse, IReadOnlyCollection<SollKante> soll, IReadOnlyCollection<Spur> spuren)
    {
        ArgumentNullException.ThrowIfNull(ereignisse);
        ArgumentNullException.ThrowIfNull(soll);
        ArgumentNullException.ThrowIfNull(spuren);
        var erlaubt = soll.Select(k => (k.Spur, k.Von, k.Nach)).ToHashSet();
        var folgen = Spuren(ereignisse.Where(e => spuren.Contains(e.Spur)), spuruebergreifend: false);
        var schritte = folgen
            .SelectMany(f => f.Zip(f.Skip(1)).Where(p => p.First.NachZustand != p.Second.NachZustand)
                .Select(p => (p.First.FallId, p.First.Spur, Von: p.First.NachZustand, Nach: p.Second.NachZustand)))
            .ToList();
        var abweichend = schritte.Where(s => !erlaubt.Contains((s.Spur, s.Von, s.Nach))).ToList();
        var abweichendeFaelle = abweichend.Select(s => (s.FallId, s.Spur)).ToHashSet();
        var faelleJeSpur = folgen.Select(f => (f[0].FallId, f[0].Spur)).Distinct().ToList();

        var anteile = faelleJeSpur.GroupBy(f => f.Spur).OrderBy(g => g.Key)
            .Select(g => new KonformitaetRoh(g.Key, g.Count(), g.Count(f => !abweichendeFaelle.Contains(f))))
            .ToList();
        var alleFaelle = faelleJeSpur.Select(f => f.FallId).Distinct().ToList();
        var abweichendeFaelleGesamt = abweichend.Select(s => s.FallId).ToHashSet();
        anteile.Add(new KonformitaetRoh(null, alleFaelle.Count, alleFaelle.Count(f => !abweichendeFaelleGesamt.Contains(f))));

        var abweichungen = abweichend.GroupBy(s => (s.Spur, s.Von, s.Nach))
            .Select(g => new AbweichungRoh(g.Key.Spur, g.Key.Von, g.Key.Nach, g.Count(), g.Select(s => s.FallId).Distinct().Count()))
            .ToList();
        return new KonformitaetsRohdaten(anteile, abweichungen);
    }

    private static string? Gruppe(AnalyseEreignis e) => e.Spur == Spur.Ueberleitung ? e.Gruppe : null;

    private static List<List<AnalyseEreignis>> Spuren(IEnumerable<AnalyseEreignis> ereignisse, bool spuruebergreifend) =>
        ereignisse
            .GroupBy(e => spuruebergreifend ? (e.FallId, (Spur?)null, (Guid?)null) : (e.FallId, (Spur?)e.Spur, e.UeberleitungId))
            .Select(g => g.OrderBy(e => e.Datum).ThenBy(e => e.Nr).ToList())
            .ToList();
}
