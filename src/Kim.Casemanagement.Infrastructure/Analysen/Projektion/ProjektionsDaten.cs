using System.Runtime.CompilerServices;
using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Application.Analysen.Algorithmen;
using Kim.Casemanagement.Application.Analysen.Rohdaten;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Themen;

namespace Kim.Casemanagement.Infrastructure.Analysen.Projektion;

/// <summary>
/// One snapshot of the projection as the analyses' data port: the same raw figures as <see cref="AnalysenDaten"/> (the
/// SQL over the event log) for the data the snapshot was read from, aggregated over the precomputed per-Fall rows of the
/// selection. Durations are whole days, so medians and 80th percentiles come from exact frequency tables
/// (<see cref="Perzentil"/>, as <c>percentile_cont</c>). Immutable; safe for concurrent requests.
/// </summary>
internal sealed class ProjektionsDaten : IAnalysenDaten
{
    private readonly Dictionary<string, ProjektionsFall[]> _faelle;
    private readonly Dictionary<string, ProjektionsThema[]> _themen;
    private readonly ProjektionsKatalog.Eingefroren _k;

    public ProjektionsDaten(IReadOnlyList<ProjektionsFall> faelle, IReadOnlyList<ProjektionsThema> themen, ProjektionsKatalog.Eingefroren katalog, DateTimeOffset stand)
    {
        _faelle = faelle.GroupBy(f => f.Mandant, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _themen = themen.GroupBy(t => t.Mandant, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        VerlaufJeFall = faelle.ToDictionary(f => f.Id, f => f.Verlauf);
        _k = katalog;
        Stand = stand;
    }

    public DateTimeOffset Stand { get; }

    /// <summary>The event-derived part per Fall, for the next refresh to reuse.</summary>
    internal Dictionary<Guid, FallVerlauf> VerlaufJeFall { get; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Task<Population> PopulationAsync(AnalyseAbfrage abfrage, bool mitZeitraum, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(abfrage);
        var bedingungen = Bedingungen(abfrage);
        long gefiltert = 0;
        var ohne = new long[bedingungen.Count];
        var erfuellt = new bool[bedingungen.Count];
        foreach (var f in Basis(abfrage, mitZeitraum))
        {
            var alle = true;
            for (var i = 0; i < bedingungen.Count; i++)
            {
                erfuellt[i] = bedingungen[i](f);
                alle &= erfuellt[i];
            }

            if (alle)
            {
                gefiltert++;
            }

            for (var i = 0; i < bedingungen.Count; i++)
            {
                var andere = true;
                for (var j = 0; j < bedingungen.Count && andere; j++)
                {
                    andere = j == i || erfuellt[j];
                }

                if (andere)
                {
                    ohne[i]++;
                }
            }
        }

        return Task.FromResult(new Population(gefiltert, ohne));
    }

    public Task<bool> UeberschneidenSichAsync(AnalyseAbfrage a, AnalyseAbfrage b, CancellationToken ct)
    {
        var erste = new HashSet<ProjektionsFall>(Kohorte(a, mitZeitraum: true), ReferenceEqualityComparer.Instance);
        return Task.FromResult(Kohorte(b, mitZeitraum: true).Exists(erste.Contains));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Task<LandkartenRohdaten> LandkarteAsync(AnalyseAbfrage abfrage, Spur? spur, bool spuruebergreifend, CancellationToken ct)
    {
        var faelle = Kohorte(abfrage, mitZeitraum: true);
        var heute = abfrage.Heute.DayNumber;
        var knoten = new KnotenSumme?[_k.Knoten.Length];
        var kanten = new KantenSumme?[_k.Kanten.Length];
        for (var fi = 0; fi < faelle.Count; fi++)
        {
            var f = faelle[fi];
            var ev = f.Verlauf.Ereignisse;
            for (var j = 0; j < ev.Length; j++)
            {
                var e = ev[j];
                if (!spuruebergreifend && spur is { } s && e.Spur != s)
                {
                    continue;
                }

                var kante = spuruebergreifend ? e.KanteQuer : e.KanteSpur;
                var dauer = spuruebergreifend ? e.DauerQuer : e.DauerSpur;
                var start = spuruebergreifend ? j == 0 : e.StartSpur;

                var kn = knoten[e.Knoten] ??= new KnotenSumme();
                kn.Anzahl++;
                kn.Faelle += kn.Fall.Neu(fi);
                if (start)
                {
                    kn.Starts++;
                    kn.StartFaelle += kn.StartFall.Neu(fi);
                }

                var ka = kanten[kante] ??= new KantenSumme();
                ka.Anzahl++;
                ka.Faelle += ka.Fall.Neu(fi);
                if (dauer >= 0)
                {
                    kn.Dauern.Add(dauer);
                    ka.Dauern.Add(dauer);
                }
                else if (f.Offen)
                {
                    ka.Offen++;
                    ka.OffenFaelle += ka.OffenFall.Neu(fi);
                    ka.Wartetage.Add(heute - e.Tag);
                }
            }
        }

        var knotenListe = new List<KnotenRoh>();
        for (var i = 0; i < knoten.Length; i++)
        {
            if (knoten[i] is { } kn)
            {
                var k = _k.Knoten[i];
                knotenListe.Add(new KnotenRoh(k.Spur, k.Gruppe, k.Zustand, kn.Anzahl, kn.Faelle, kn.Starts, kn.StartFaelle, kn.Dauern.Perzentil(0.5), kn.Dauern.Perzentil(0.8)));
            }
        }

        var kantenListe = new List<KanteRoh>();
        for (var i = 0; i < kanten.Length; i++)
        {
            if (kanten[i] is { } ka)
            {
                var (von, nach) = _k.Kanten[i];
                var v = _k.Knoten[von];
                ProjektionsKnoten? n = nach < 0 ? null : _k.Knoten[nach];
                kantenListe.Add(new KanteRoh(
                    v.Spur, v.Gruppe, v.Zustand, n?.Spur, n?.Gruppe, n?.Zustand, ka.Anzahl, ka.Faelle, ka.Dauern.Perzentil(0.5), ka.Dauern.Perzentil(0.8),
                    ka.Offen, ka.OffenFaelle, ka.Wartetage.Perzentil(0.5), ka.Wartetage.Perzentil(0.8)));
            }
        }

        var summen = new List<VerlaufSummeRoh>();
        if (spuruebergreifend)
        {
            summen.Add(new VerlaufSummeRoh(null, knotenListe.Sum(k => k.Starts), knotenListe.Sum(k => k.StartFaelle)));
        }
        else
        {
            foreach (var g in knotenListe.GroupBy(k => k.Spur))
            {
                var anzahl = g.Key == Spur.Ueberleitung ? faelle.Count(f => f.HatUeberleitung) : g.Sum(k => k.StartFaelle);
                summen.Add(new VerlaufSummeRoh(g.Key, g.Sum(k => k.Starts), anzahl));
            }
        }

        return Task.FromResult(new LandkartenRohdaten(knotenListe, kantenListe, summen));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Task<VariantenRohdaten> VariantenAsync(AnalyseAbfrage abfrage, Spur spur, int anzahl, CancellationToken ct)
    {
        var faelle = Kohorte(abfrage, mitZeitraum: true);
        var ueberleitung = spur == Spur.Ueberleitung;
        var pfade = new Dictionary<int, PfadSumme>();
        long verlaeufe = 0, mitVerlauf = 0;
        for (var fi = 0; fi < faelle.Count; fi++)
        {
            var hat = false;
            foreach (var v in faelle[fi].Verlauf.Verlaeufe)
            {
                if (v.Spur != spur)
                {
                    continue;
                }

                hat = true;
                verlaeufe++;
                if (!pfade.TryGetValue(v.Pfad, out var p))
                {
                    pfade[v.Pfad] = p = new PfadSumme();
                }

                p.Anzahl++;
                p.Faelle += p.Fall.Neu(fi);
                p.Dauern.Add(v.Dauer);
            }

            mitVerlauf += hat ? 1 : 0;
        }

        // As the SQL: groups by count descending, then by path in byte order, the group without a path (NULL) last; the
        // limit counts that group too, which is not listed.
        var sortiert = pfade
            .OrderByDescending(p => p.Value.Anzahl)
            .ThenBy(p => p.Key < 0 ? 1 : 0)
            .ThenBy(p => p.Key < 0 ? string.Empty : _k.Pfade[p.Key], StringComparer.Ordinal)
            .Take(anzahl)
            .Where(p => p.Key >= 0)
            .Select(p => new VarianteRoh(_k.Pfade[p.Key].Split('>'), p.Value.Anzahl, ueberleitung ? p.Value.Faelle : p.Value.Anzahl, p.Value.Dauern.Perzentil(0.5)))
            .ToList();
        return Task.FromResult(new VariantenRohdaten(verlaeufe, ueberleitung ? mitVerlauf : verlaeufe, pfade.Count, sortiert));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Task<IReadOnlyList<DauerBeobachtung>> DauernAsync(AnalyseAbfrage abfrage, MeilensteinDefinition meilenstein, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(meilenstein);
        var faelle = Kohorte(abfrage, mitZeitraum: true);
        var heute = abfrage.Heute.DayNumber;
        var startZustaende = Zustandsmenge(meilenstein.Start);
        var endZustaende = Zustandsmenge(meilenstein.Ende);
        var zaehler = new Dictionary<(int Tage, bool Ereignis), long>();
        foreach (var f in faelle)
        {
            var ev = f.Verlauf.Ereignisse;
            int? start = meilenstein.Start.Art switch
            {
                MeilensteinArt.Einreise => f.Einreise?.DayNumber,
                MeilensteinArt.Aufnahme => f.Aufgenommen.DayNumber,
                _ => Erstes(ev, startZustaende, int.MinValue),
            };
            if (start is not { } s)
            {
                continue;
            }

            var ende = Erstes(ev, endZustaende, s);
            var zensur = f.Offen ? heute : f.ProzessSeit.DayNumber;
            if (ende is { } en)
            {
                zaehler[(en - s, true)] = zaehler.GetValueOrDefault((en - s, true)) + 1;
            }
            else if (zensur >= s)
            {
                zaehler[(zensur - s, false)] = zaehler.GetValueOrDefault((zensur - s, false)) + 1;
            }
        }

        IReadOnlyList<DauerBeobachtung> liste = zaehler.OrderBy(z => z.Key.Tage).ThenBy(z => z.Key.Ereignis)
            .Select(z => new DauerBeobachtung(z.Key.Tage, z.Key.Ereignis, z.Value)).ToList();
        return Task.FromResult(liste);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Task<KonformitaetsRohdaten> KonformitaetAsync(AnalyseAbfrage abfrage, IReadOnlyCollection<SollKante> soll, IReadOnlyCollection<Spur> spuren, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(soll);
        ArgumentNullException.ThrowIfNull(spuren);
        var faelle = Kohorte(abfrage, mitZeitraum: true);
        var erlaubt = soll.Select(s => (s.Spur, s.Von, s.Nach)).ToHashSet();
        var ausgewertet = new bool[SpurAnzahl];
        foreach (var s in spuren)
        {
            ausgewertet[(int)s] = true;
        }

        // Per edge: the deviation it is (a step within a track to another state outside the ideal flow), or -1.
        var schluessel = new Dictionary<(Spur Spur, string Von, string Nach), int>();
        var abweichungJeKante = new int[_k.Kanten.Length];
        for (var i = 0; i < _k.Kanten.Length; i++)
        {
            abweichungJeKante[i] = -1;
            var (von, nach) = _k.Kanten[i];
            if (nach < 0)
            {
                continue;
            }

            var v = _k.Knoten[von];
            var n = _k.Knoten[nach];
            if (ausgewertet[(int)v.Spur] && !string.Equals(v.Zustand, n.Zustand, StringComparison.Ordinal) && !erlaubt.Contains((v.Spur, v.Zustand, n.Zustand)))
            {
                if (!schluessel.TryGetValue((v.Spur, v.Zustand, n.Zustand), out var id))
                {
                    schluessel[(v.Spur, v.Zustand, n.Zustand)] = id = schluessel.Count;
                }

                abweichungJeKante[i] = id;
            }
        }

        var abweichungen = new Zaehler[schluessel.Count];
        for (var i = 0; i < abweichungen.Length; i++)
        {
            abweichungen[i] = new Zaehler();
        }

        var faelleJeSpur = new long[SpurAnzahl];
        var konformJeSpur = new long[SpurAnzahl];
        long gesamt = 0, gesamtKonform = 0;
        var hat = new bool[SpurAnzahl];
        var weicht = new bool[SpurAnzahl];
        for (var fi = 0; fi < faelle.Count; fi++)
        {
            Array.Clear(hat);
            Array.Clear(weicht);
            foreach (var e in faelle[fi].Verlauf.Ereignisse)
            {
                var s = (int)e.Spur;
                if (!ausgewertet[s])
                {
                    continue;
                }

                hat[s] = true;
                if (abweichungJeKante[e.KanteSpur] is var a and >= 0)
                {
                    weicht[s] = true;
                    abweichungen[a].Anzahl++;
                    abweichungen[a].Faelle += abweichungen[a].Fall.Neu(fi);
                }
            }

            bool irgendeine = false, alleKonform = true;
            for (var s = 0; s < SpurAnzahl; s++)
            {
                if (hat[s])
                {
                    irgendeine = true;
                    faelleJeSpur[s]++;
                    konformJeSpur[s] += weicht[s] ? 0 : 1;
                    alleKonform &= !weicht[s];
                }
            }

            if (irgendeine)
            {
                gesamt++;
                gesamtKonform += alleKonform ? 1 : 0;
            }
        }

        var anteile = new List<KonformitaetRoh>();
        for (var s = 0; s < SpurAnzahl; s++)
        {
            if (faelleJeSpur[s] > 0)
            {
                anteile.Add(new KonformitaetRoh((Spur)s, faelleJeSpur[s], konformJeSpur[s]));
            }
        }

        anteile.Add(new KonformitaetRoh(null, gesamt, gesamtKonform));
        var liste = schluessel.Where(x => abweichungen[x.Value].Anzahl > 0)
            .Select(x => new AbweichungRoh(x.Key.Spur, x.Key.Von, x.Key.Nach, abweichungen[x.Value].Anzahl, abweichungen[x.Value].Faelle))
            .ToList();
        return Task.FromResult(new KonformitaetsRohdaten(anteile, liste));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Task<IReadOnlyList<QuartalsWertRoh>> KennzahlenAsync(AnalyseAbfrage abfrage, CancellationToken ct)
    {
        var faelle = Kohorte(abfrage, mitZeitraum: false);
        var quartale = new SortedDictionary<int, QuartalsSumme>();
        for (var fi = 0; fi < faelle.Count; fi++)
        {
            foreach (var p in faelle[fi].Verlauf.Prozess)
            {
                if (!quartale.TryGetValue(p.Quartal, out var q))
                {
                    quartale[p.Quartal] = q = new QuartalsSumme();
                }

                if (p.Neu)
                {
                    q.Neu.Anzahl++;
                    q.Neu.Faelle += q.Neu.Fall.Neu(fi);
                }

                if (p.Wieder)
                {
                    q.Wieder.Anzahl++;
                    q.Wieder.Faelle += q.Wieder.Fall.Neu(fi);
                }

                if (p.Beendet)
                {
                    q.Beendet.Anzahl++;
                    q.Beendet.Faelle += q.Beendet.Fall.Neu(fi);
                    if (!q.Gruende.TryGetValue(p.Grund, out var g))
                    {
                        q.Gruende[p.Grund] = g = new Zaehler();
                    }

                    g.Anzahl++;
                    g.Faelle += g.Fall.Neu(fi);
                }

                q.Aktiv += p.DeltaAktiv;
                q.Ruhend += p.DeltaRuhend;
                if (p.MitVorgaenger && p.Akteur >= 0)
                {
                    q.Akteure.Add(p.Akteur);
                }
            }
        }

        var liste = new List<QuartalsWertRoh>();
        foreach (var (tag, q) in quartale)
        {
            var quartal = DateOnly.FromDayNumber(tag);
            liste.Add(new QuartalsWertRoh(quartal, "Neu", q.Neu.Anzahl, q.Neu.Faelle));
            liste.Add(new QuartalsWertRoh(quartal, "Wiederaufnahme", q.Wieder.Anzahl, q.Wieder.Faelle));
            liste.Add(new QuartalsWertRoh(quartal, "Beendet", q.Beendet.Anzahl, q.Beendet.Faelle));
            liste.Add(new QuartalsWertRoh(quartal, "Bestand:Aktiv", q.Aktiv, 0));
            liste.Add(new QuartalsWertRoh(quartal, "Bestand:Ruhend", q.Ruhend, 0));
            liste.Add(new QuartalsWertRoh(quartal, "Fallmanager", q.Akteure.Count, q.Akteure.Count));
            foreach (var (grund, g) in q.Gruende)
            {
                liste.Add(new QuartalsWertRoh(quartal, _k.Gruende[grund], g.Anzahl, g.Faelle));
            }
        }

        return Task.FromResult<IReadOnlyList<QuartalsWertRoh>>(liste);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Task<IReadOnlyList<ThemenWertRoh>> ThemenAsync(AnalyseAbfrage abfrage, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(abfrage);
        HashSet<Guid>? kohorte = abfrage.Filter.HatKohortenfilter ? Kohorte(abfrage, mitZeitraum: false).Select(f => f.Id).ToHashSet() : null;
        var von = abfrage.Filter.Von;
        var bis = abfrage.Filter.Bis;

        // GROUP BY CUBE (kategorie, status): every combination present, its margins and the grand total (also when empty).
        var gruppen = new Dictionary<(string? Kategorie, string? Status), (long Anzahl, HashSet<Guid> Faelle)>
        {
            [(null, null)] = (0, []),
        };
        foreach (var t in _themen.GetValueOrDefault(abfrage.Mandant) ?? [])
        {
            if ((kohorte is not null && (t.FallId is not { } fall || !kohorte.Contains(fall))) || (von is { } v && t.Tag < v) || (bis is { } b && t.Tag > b))
            {
                continue;
            }

            foreach (var schluessel in new (string?, string?)[] { (t.Kategorie, t.Status), (t.Kategorie, null), (null, t.Status), (null, null) })
            {
                if (!gruppen.TryGetValue(schluessel, out var g))
                {
                    g = (0, []);
                }

                g.Faelle.Add(t.FallId ?? t.Id);
                gruppen[schluessel] = (g.Anzahl + 1, g.Faelle);
            }
        }

        var liste = new List<ThemenWertRoh>();
        foreach (var ((k, s), (anzahl, faelle)) in gruppen)
        {
            ThemaKategorie? kategorie = k is null ? null : Enum.TryParse<ThemaKategorie>(k, out var kk) ? kk : null;
            ThemaStatus? status = s is null ? null : Enum.TryParse<ThemaStatus>(s, out var ss) ? ss : null;
            if ((k is not null && kategorie is null) || (s is not null && status is null))
            {
                continue;
            }

            liste.Add(new ThemenWertRoh(kategorie, status, anzahl, faelle.Count));
        }

        return Task.FromResult<IReadOnlyList<ThemenWertRoh>>(liste);
    }

    // ------------------------------------------------------------------ selection

    private static readonly int SpurAnzahl = Enum.GetValues<Spur>().Max(s => (int)s) + 1;

    /// <summary>The tenant's Fälle, of the intake period when <paramref name="mitZeitraum"/>.</summary>
    private IEnumerable<ProjektionsFall> Basis(AnalyseAbfrage abfrage, bool mitZeitraum)
    {
        var von = mitZeitraum ? abfrage.Filter.Von : null;
        var bis = mitZeitraum ? abfrage.Filter.Bis : null;
        return (_faelle.GetValueOrDefault(abfrage.Mandant) ?? []).Where(f => (von is not { } v || f.Aufgenommen >= v) && (bis is not { } b || f.Aufgenommen <= b));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private List<ProjektionsFall> Kohorte(AnalyseAbfrage abfrage, bool mitZeitraum)
    {
        ArgumentNullException.ThrowIfNull(abfrage);

        // A report asks for the same selection up to a dozen times with the same request object: computed once per request.
        var gemerkt = _kohorten.GetValue(abfrage, _ => new Kohorten());
        lock (gemerkt)
        {
            ref var liste = ref mitZeitraum ? ref gemerkt.MitZeitraum : ref gemerkt.OhneZeitraum;
            if (liste is null)
            {
                var bedingungen = Bedingungen(abfrage);
                liste = [];
                foreach (var f in Basis(abfrage, mitZeitraum))
                {
                    if (bedingungen.TrueForAll(b => b(f)))
                    {
                        liste.Add(f);
                    }
                }
            }

            return liste;
        }
    }

    private readonly ConditionalWeakTable<AnalyseAbfrage, Kohorten> _kohorten = [];

    private sealed class Kohorten
    {
        public List<ProjektionsFall>? MitZeitraum;
        public List<ProjektionsFall>? OhneZeitraum;
    }

    /// <summary>The active cohort and team filters in the order of <see cref="KohortenSql"/> (status, age group, Zieldimension I, team).</summary>
    private static List<Func<ProjektionsFall, bool>> Bedingungen(AnalyseAbfrage abfrage)
    {
        var f = abfrage.Filter;
        var liste = new List<Func<ProjektionsFall, bool>>();
        if (f.Aufenthaltsstatus is { } status)
        {
            var text = status.ToString();
            liste.Add(x => x.Verlauf.StatusAufnahme.Contains(text, StringComparer.Ordinal));
        }

        if (f.Altersgruppe is { } alter)
        {
            liste.Add(x => Altersgruppe(x, abfrage.Regeln) == alter);
        }

        if (f.ZieldimensionI is { } zd)
        {
            liste.Add(x => ZieldimensionI(x, abfrage.Regeln) == zd);
        }

        if (f.TeamId is { } team)
        {
            liste.Add(x => x.TeamId == team);
        }

        return liste;
    }

    private static KohortenRegel? Regel(ProjektionsFall f, IReadOnlyList<KohortenRegel> regeln)
    {
        foreach (var r in regeln)
        {
            if (f.Aufgenommen >= r.Ab && f.Aufgenommen <= r.Bis)
            {
                return r;
            }
        }

        return null;
    }

    /// <summary>The age group by the age at intake in whole years (read as <see cref="KohortenSql.AlterBeiAufnahme"/> computes it).</summary>
    private static Altersgruppe? Altersgruppe(ProjektionsFall f, IReadOnlyList<KohortenRegel> regeln)
    {
        if (Regel(f, regeln) is not { } r)
        {
            return null;
        }

        var jahre = f.AlterBeiAufnahme;
        return jahre < r.JungeErwachseneVonJahre ? Application.Analysen.Altersgruppe.Juengere
            : jahre <= r.JungeErwachseneBisJahre ? Application.Analysen.Altersgruppe.JungeErwachsene
            : Application.Analysen.Altersgruppe.Aeltere;
    }

    private static bool ZieldimensionI(ProjektionsFall f, IReadOnlyList<KohortenRegel> regeln) =>
        Regel(f, regeln) is { } r && f.Einreise is { } e && e.AddYears(r.ZieldimensionIJahre) > f.Aufgenommen;

    private bool[] Zustandsmenge(MeilensteinPunkt punkt)
    {
        var menge = new bool[_k.Zustaende.Length];
        foreach (var z in punkt.Zustaende.Select(Spurzustaende.Lesen).OfType<(Spur Spur, string Zustand)>())
        {
            if (_k.ZustandIds.TryGetValue(z, out var id))
            {
                menge[id] = true;
            }
        }

        return menge;
    }

    /// <summary>The day of the first event (events are in date order) into one of the states, on or after <paramref name="ab"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int? Erstes(ProjektionsEreignis[] ereignisse, bool[] zustaende, int ab)
    {
        foreach (var e in ereignisse)
        {
            if (e.Tag >= ab && zustaende[_k.KnotenZustand[e.Knoten]])
            {
                return e.Tag;
            }
        }

        return null;
    }

    // ------------------------------------------------------------------ accumulators

    /// <summary>Counts a Fall once: the Fälle are visited one after another.</summary>
    private struct LetzterFall
    {
        private int _fall;

        /// <summary>1 the first time Fall <paramref name="index"/> is seen here, else 0.</summary>
        public int Neu(int index)
        {
            if (_fall == index + 1)
            {
                return 0;
            }

            _fall = index + 1;
            return 1;
        }
    }

    /// <summary>
    /// Whole days, sorted once when a percentile is asked for. The percentile is <see cref="Application.Analysen.Algorithmen.Perzentil"/>'s
    /// (PostgreSQL's <c>percentile_cont</c>) with the same arithmetic, over the sorted values instead of a frequency table.
    /// </summary>
    private sealed class Haeufigkeiten
    {
        private readonly List<int> _werte = [];
        private bool _sortiert = true;

        public void Add(int tage)
        {
            _sortiert = _werte.Count == 0 || (_sortiert && _werte[^1] <= tage);
            _werte.Add(tage);
        }

        public double? Perzentil(double p)
        {
            long n = _werte.Count;
            if (n == 0)
            {
                return null;
            }

            if (!_sortiert)
            {
                _werte.Sort();
                _sortiert = true;
            }

            // 0-based position p·(n-1) between the ranks floor and ceiling.
            var position = p * (n - 1);
            var unten = (long)Math.Floor(position);
            var oben = (long)Math.Ceiling(position);
            double wertUnten = _werte[(int)unten];
            double wertOben = _werte[(int)oben];
            return wertUnten + ((position - unten) * (wertOben - wertUnten));
        }
    }

    private sealed class Zaehler
    {
        public long Anzahl;
        public long Faelle;
        public LetzterFall Fall;
    }

    private sealed class KnotenSumme
    {
        public long Anzahl;
        public long Faelle;
        public long Starts;
        public long StartFaelle;
        public LetzterFall Fall;
        public LetzterFall StartFall;
        public readonly Haeufigkeiten Dauern = new();
    }

    private sealed class KantenSumme
    {
        public long Anzahl;
        public long Faelle;
        public long Offen;
        public long OffenFaelle;
        public LetzterFall Fall;
        public LetzterFall OffenFall;
        public readonly Haeufigkeiten Dauern = new();
        public readonly Haeufigkeiten Wartetage = new();
    }

    private sealed class PfadSumme
    {
        public long Anzahl;
        public long Faelle;
        public LetzterFall Fall;
        public readonly Haeufigkeiten Dauern = new();
    }

    private sealed class QuartalsSumme
    {
        public readonly Zaehler Neu = new();
        public readonly Zaehler Wieder = new();
        public readonly Zaehler Beendet = new();
        public readonly Dictionary<int, Zaehler> Gruende = [];
        public readonly HashSet<int> Akteure = [];
        public long Aktiv;
        public long Ruhend;
    }
}
