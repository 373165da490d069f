using System.Globalization;
using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Analysen.Algorithmen;
using Kim.Casemanagement.Application.Analysen.Ergebnisse;
using Kim.Casemanagement.Application.Analysen.Rohdaten;
using Kim.Casemanagement.Application.Einstellungen;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle.Prozess;
using Kim.Casemanagement.Domain.Rechtsregeln;
using Kim.Casemanagement.Domain.Themen;
using Microsoft.Extensions.Options;

namespace Kim.Casemanagement.Application.Analysen;

/// <summary>
/// The Lenkungsgruppe's analyses: only aggregates of the caller's tenant, never a Fall. Each request is checked twice for
/// privacy. <b>Selection check</b> (query-set-size restriction): the selected Fälle must number at least the minimum group
/// size, and each cohort or team filter must remove either none or at least that many Fälle compared with the same request
/// without that filter; otherwise nothing is shown (two requests must not differ by a handful of people). <b>Cell
/// suppression</b>: every published count with fewer Fälle behind it is withheld, with secondary suppression so that it
/// cannot be computed by difference (<see cref="Sperrtabelle"/>).
/// </summary>
public sealed class AnalysenHandler(
    IAnalysenDaten daten,
    IXesExport xes,
    IAktuellerBenutzer benutzer,
    IKalender kalender,
    Rechtsregeltabelle regeln,
    IOptions<AnalysenOptionen> optionen,
    IAuditProtokoll audit,
    IAnalysenStand stand,
    IAnalysenProjektion projektion,
    MandantEinstellungen? einstellungen = null)
{
    /// <summary>The conformance measure, as the UI and the CSV state it.</summary>
    public const string KonformitaetsDefinition =
        "Ein Fall folgt dem idealen Fallverlauf einer Spur, wenn jeder seiner Schritte auf dieser Spur (Wechsel von einem Zustand in den nächsten, "
        + "geordnet nach fachlichem Datum) ein im Idealverlauf vorgesehener Schritt ist. Der Einstieg ist in jedem Zustand erlaubt (der Fall beginnt dort, "
        + "wo die Person bei der Aufnahme steht); Schritte, die im selben Zustand bleiben (z. B. Verlängerung, Fortschreibung), zählen nicht; noch offene "
        + "Fälle werden nach ihrem bisherigen Verlauf beurteilt. Über alle Spuren folgt ein Fall dem Idealverlauf, wenn er es auf jeder ausgewerteten "
        + "Spur tut, auf der er Ereignisse hat. Abweichungen sind die nicht vorgesehenen Schritte, gezählt nach Fällen.";

    private AnalysenOptionen O => optionen.Value;

    /// <summary>
    /// When the last analysis of this handler (one per request) answered from the per-Fall projection: the time the
    /// projection was read ("Stand"); null when it was computed over the event log (projection not built yet).
    /// </summary>
    public DateTimeOffset? Vorberechnet { get; private set; }

    public async Task<Prozesslandkarte> ProzesslandkarteAsync(AnalyseFilter filter, Spur? spur, CancellationToken ct)
    {
        var abfrage = await AbfrageAsync(filter, "Prozesslandkarte", spur, ct);
        return await LandkarteBerechnenAsync(Quelle(), abfrage, spur, ct);
    }

    public async Task<Variantenanalyse> VariantenAsync(AnalyseFilter filter, Spur spur, CancellationToken ct)
    {
        var abfrage = await AbfrageAsync(filter, "Varianten", spur, ct);
        return await VariantenBerechnenAsync(Quelle(), abfrage, spur, ct);
    }

    public async Task<Dauernanalyse> DauernAsync(AnalyseFilter filter, string? meilenstein, CancellationToken ct)
    {
        var definitionen = O.Meilensteine.Where(m => meilenstein is null || string.Equals(m.Schluessel, meilenstein, StringComparison.Ordinal)).ToList();
        if (definitionen.Count == 0)
        {
            throw new DomainException("Unbekannter Meilenstein.", new Dictionary<string, string[]> { ["meilenstein"] = [$"Erlaubt: {string.Join(", ", O.Meilensteine.Select(m => m.Schluessel))}."] });
        }

        var abfrage = await AbfrageAsync(filter, "Dauern", meilenstein, ct);
        return await DauernBerechnenAsync(Quelle(), abfrage, definitionen, ct);
    }

    public async Task<Abweichungsanalyse> AbweichungenAsync(AnalyseFilter filter, CancellationToken ct)
    {
        var abfrage = await AbfrageAsync(filter, "Abweichungen", null, ct);
        return await AbweichungenBerechnenAsync(Quelle(), abfrage, mitEngpaessen: true, ct);
    }

    public async Task<Kennzahlenanalyse> KennzahlenAsync(AnalyseFilter filter, CancellationToken ct)
    {
        var abfrage = await AbfrageAsync(filter, "Kennzahlen", null, ct);
        return await KennzahlenBerechnenAsync(Quelle(), abfrage, ct);
    }

    public async Task<Themenuebersicht> ThemenAsync(AnalyseFilter filter, CancellationToken ct)
    {
        var abfrage = await AbfrageAsync(filter, "Themen", null, ct);
        return await ThemenBerechnenAsync(Quelle(), abfrage, ct);
    }

    /// <summary>
    /// The settings the caller's analyses are computed with (its Kommune's minimum group size k, FTE and ideal flow,
    /// each its override or the installation's default), for the pages to say which k applies. Lenkungsgruppe only.
    /// </summary>
    public async Task<WirksameEinstellungen> EinstellungenAsync(CancellationToken ct)
    {
        if (!benutzer.IstAngemeldet || !benutzer.HatRolle(Rolle.Lenkungsgruppe))
        {
            throw new ZugriffVerweigertException("Auswertungen sind der Lenkungsgruppe vorbehalten.");
        }

        return await WirksamAsync(benutzer.Mandant, ct);
    }

    /// <summary>
    /// The one implementation every analysis answers from (API, CSV, pages, comparison): the per-Fall projection when it
    /// is built (ADR 0004, ADR 0011), else the computation over the event log; records which in <see cref="Vorberechnet"/>.
    /// </summary>
    private IAnalysenDaten Quelle()
    {
        if (projektion.Aktuell is { } p)
        {
            Vorberechnet = p.Stand;
            return p.Daten;
        }

        Vorberechnet = null;
        return daten;
    }

    /// <summary>
    /// The analyses a page shows (<paramref name="teile"/>; the meeting report: all). Without filter and track: the stored
    /// report of all Fälle (see <see cref="StandErneuernAsync"/>; computed and stored now if there is none yet), which
    /// has every part. With a filter or a track: only the parts asked for, computed for this selection from the
    /// precomputed per-Fall projection (same figures, as of its "Stand"; ADR 0004; the parts side by side, as they read
    /// the same immutable projection), or over the event log while the projection is not built yet.
    /// </summary>
    public async Task<AnalysenBericht> BerichtAsync(AnalyseFilter filter, Spur? spur, BerichtTeile teile, CancellationToken ct)
    {
        var abfrage = await AbfrageAsync(filter, "Bericht", spur, ct);
        var alle = spur is null && filter == AnalyseFilter.Keiner;
        // A stored report computed under other settings of the Kommune (k, FTE, ideal flow) is not shown: recomputed now.
        if (alle && await stand.LesenAsync(abfrage.Mandant, ct) is { } gespeichert && UnterEinstellungen(gespeichert.Datenstand, abfrage.Einstellungen!))
        {
            return gespeichert.Bericht with { Gespeichert = true };
        }

        if (!alle && projektion.Aktuell is { } p)
        {
            return await BerichtBerechnenAsync(p.Daten, abfrage, spur, teile, ct) with { Stand = p.Stand, Vorberechnet = true };
        }

        if (!alle)
        {
            return await BerichtBerechnenAsync(daten, abfrage, spur, teile, ct);
        }

        var datenstand = Datenstand(await stand.DatenstandAsync(abfrage.Mandant, ct), abfrage.Einstellungen!);
        var bericht = await BerichtBerechnenAsync(daten, abfrage, spur, BerichtTeile.Alle, ct);
        await stand.SpeichernAsync(abfrage.Mandant, bericht, abfrage.Heute, datenstand, ct);
        return bericht;
    }

    /// <summary>
    /// Background refresh of a tenant's stored report (no user; nothing is returned to anyone). Recomputes when there is
    /// none, when it was computed for an earlier business day, or when the data changed and it is older than
    /// <see cref="AnalysenOptionen.StandIntervall"/>. Returns whether it recomputed.
    /// </summary>
    public async Task<bool> StandErneuernAsync(string mandant, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(mandant);
        var e = await WirksamAsync(mandant, ct);
        var datenstand = Datenstand(await stand.DatenstandAsync(mandant, ct), e);
        if (await stand.LesenAsync(mandant, ct) is { } g && g.Stichtag == kalender.Heute && UnterEinstellungen(g.Datenstand, e)
            && (g.Datenstand == datenstand || kalender.Jetzt - g.Bericht.Stand < O.StandIntervall))
        {
            return false;
        }

        var abfrage = new AnalyseAbfrage(mandant, AnalyseFilter.Keiner, kalender.Heute, KohortenRegel.Abschnitte(regeln)) { Einstellungen = e };
        await stand.SpeichernAsync(mandant, await BerichtBerechnenAsync(daten, abfrage, null, BerichtTeile.Alle, ct), abfrage.Heute, datenstand, ct);
        return true;
    }

    /// <summary>
    /// The parts asked for: from the projection each on its own thread-pool task (<see cref="Nebeneinander"/>); over the
    /// event log each part starts when the one before has finished.
    /// </summary>
    private async Task<AnalysenBericht> BerichtBerechnenAsync(IAnalysenDaten d, AnalyseAbfrage abfrage, Spur? spur, BerichtTeile teile, CancellationToken ct)
    {
        var nebeneinander = Nebeneinander(d);
        var jetzt = kalender.Jetzt;
        var vorige = Task.CompletedTask;
        Task<T?> Teil<T>(BerichtTeile teil, Func<Task<T>> berechnen)
            where T : class
        {
            if (!teile.HasFlag(teil))
            {
                return Task.FromResult<T?>(null);
            }

            var t = nebeneinander ? Task.Run<T?>(async () => await berechnen(), ct) : Nach(vorige, berechnen);
            vorige = t;
            return t;

            static async Task<T?> Nach(Task davor, Func<Task<T>> f)
            {
                await davor;
                return await f();
            }
        }

        var landkarte = Teil(BerichtTeile.Landkarte, () => LandkarteBerechnenAsync(d, abfrage, spur, ct));
        var varianten = Teil(BerichtTeile.Varianten, () => VariantenBerechnenAsync(d, abfrage, spur ?? Spur.Prozess, ct));
        var dauern = Teil(BerichtTeile.Dauern, () => DauernBerechnenAsync(d, abfrage, O.Meilensteine, ct));
        var abweichungen = Teil(BerichtTeile.Konformitaet, () => AbweichungenBerechnenAsync(d, abfrage, teile.HasFlag(BerichtTeile.Engpaesse), ct));
        var kennzahlen = Teil(BerichtTeile.Kennzahlen, () => KennzahlenBerechnenAsync(d, abfrage, ct));
        var themen = Teil(BerichtTeile.Themen, () => ThemenBerechnenAsync(d, abfrage, ct));
        await Task.WhenAll(landkarte, varianten, dauern, abweichungen, kennzahlen, themen);
        return new AnalysenBericht(jetzt, false, await landkarte, await varianten, await dauern, await abweichungen, await kennzahlen, await themen);
    }

    private async Task<Prozesslandkarte> LandkarteBerechnenAsync(IAnalysenDaten d, AnalyseAbfrage abfrage, Spur? spur, CancellationToken ct)
    {
        if (await AuswahlPruefenAsync(d, abfrage, mitZeitraum: true, ct) is { } hinweis)
        {
            return new Prozesslandkarte(spur, spur is null, null, [], [], true, hinweis);
        }

        var roh = await d.LandkarteAsync(abfrage, spur, spuruebergreifend: spur is null, ct);
        return Landkarten.Erstellen(roh, spur, spur is null, K(abfrage));
    }

    private async Task<Variantenanalyse> VariantenBerechnenAsync(IAnalysenDaten d, AnalyseAbfrage abfrage, Spur spur, CancellationToken ct)
    {
        if (await AuswahlPruefenAsync(d, abfrage, mitZeitraum: true, ct) is { } hinweis)
        {
            return new Variantenanalyse(spur, null, null, [], new SonstigeVarianten(null, null, true), true, hinweis);
        }

        var roh = await d.VariantenAsync(abfrage, spur, O.MaxVarianten, ct);
        return VariantenSperren(roh, spur, K(abfrage));
    }

    private async Task<Dauernanalyse> DauernBerechnenAsync(IAnalysenDaten d, AnalyseAbfrage abfrage, IReadOnlyList<MeilensteinDefinition> definitionen, CancellationToken ct)
    {
        if (await AuswahlPruefenAsync(d, abfrage, mitZeitraum: true, ct) is { } hinweis)
        {
            return new Dauernanalyse([], O.KurvenIntervallTage, true, hinweis);
        }

        var ergebnisse = new List<MeilensteinDauer>();
        foreach (var m in definitionen)
        {
            var schaetzung = KaplanMeier.Schaetzen(await d.DauernAsync(abfrage, m, ct));
            ergebnisse.Add(DauerSperren(m, schaetzung, K(abfrage), O.KurvenIntervallTage));
        }

        return new Dauernanalyse(ergebnisse, O.KurvenIntervallTage, false, null);
    }

    /// <summary>Conformance and deviations; the bottlenecks (a per-track map of their own) only <paramref name="mitEngpaessen"/>, else an empty list.</summary>
    private async Task<Abweichungsanalyse> AbweichungenBerechnenAsync(IAnalysenDaten d, AnalyseAbfrage abfrage, bool mitEngpaessen, CancellationToken ct)
    {
        if (await AuswahlPruefenAsync(d, abfrage, mitZeitraum: true, ct) is { } hinweis)
        {
            return new Abweichungsanalyse([], [], [], KonformitaetsDefinition, true, hinweis);
        }

        var e = Einstellungen(abfrage);
        var konformitaet = await d.KonformitaetAsync(abfrage, e.SollKanten(), e.SpurenMitIdealverlauf(), ct);
        var (anteile, abweichungen) = KonformitaetSperren(konformitaet, e.Mindestgroesse, O.MaxAbweichungen);

        var engpaesse = mitEngpaessen ? EngpaesseBilden(await d.LandkarteAsync(abfrage, null, spuruebergreifend: false, ct), e) : [];
        return new Abweichungsanalyse(anteile, abweichungen, engpaesse, KonformitaetsDefinition, false, null);
    }

    private async Task<Kennzahlenanalyse> KennzahlenBerechnenAsync(IAnalysenDaten d, AnalyseAbfrage abfrage, CancellationToken ct)
    {
        var grundlage = Einstellungen(abfrage).Vollzeitstellen is { } vz
            ? string.Create(CultureInfo.GetCultureInfo("de-DE"), $"konfigurierte Vollzeitstellen ({vz})")
            : "Fallmanager*innen, die im Quartal mindestens einen Prozessschritt erfasst haben";
        if (await AuswahlPruefenAsync(d, abfrage, mitZeitraum: false, ct) is { } hinweis)
        {
            return new Kennzahlenanalyse([], grundlage, true, hinweis);
        }

        var roh = await d.KennzahlenAsync(abfrage, ct);
        return new Kennzahlenanalyse(KennzahlenBilden(roh, abfrage.Filter, abfrage.Heute, Einstellungen(abfrage)), grundlage, false, null);
    }

    private async Task<Themenuebersicht> ThemenBerechnenAsync(IAnalysenDaten d, AnalyseAbfrage abfrage, CancellationToken ct)
    {
        if (abfrage.Filter.HatKohortenfilter && await AuswahlPruefenAsync(d, abfrage, mitZeitraum: false, ct) is { } hinweis)
        {
            return new Themenuebersicht([], true, hinweis);
        }

        return ThemenSperren(await d.ThemenAsync(abfrage, ct), K(abfrage));
    }

    /// <summary>The plain-German explanation of a decision's before/after comparison and the log-rank test, with its caveats (page and API).</summary>
    public const string VergleichsErlaeuterung =
        "Verglichen werden die Fälle, die im Zeitraum vorher aufgenommen wurden, mit denen, die im gleich langen Zeitraum ab dem Stichtag aufgenommen wurden. "
        + KurvenErlaeuterung
        + "Vorsicht: Der Test zeigt nicht, dass die Entscheidung den Unterschied bewirkt hat – "
        + "im selben Zeitraum können sich auch die Menschen, die Rechtslage oder die Personalausstattung geändert haben. Die Fälle nach dem Stichtag sind kürzer beobachtet; "
        + "der Test berücksichtigt das, ein Median ist aber erst bekannt, wenn die Hälfte den Meilenstein erreicht hat. "
        + TestGrenzen;

    /// <summary>The plain-German explanation of a comparison of two arbitrary selections, with its caveats (page and API).</summary>
    public const string AuswahlVergleichsErlaeuterung =
        "Verglichen werden die Fälle der Auswahl A mit denen der Auswahl B, zwei getrennten Gruppen (kein Fall gehört zu beiden). "
        + KurvenErlaeuterung
        + "Vorsicht: Der Test zeigt nicht, dass das Merkmal, nach dem ausgewählt wurde, den Unterschied bewirkt hat – die Gruppen können sich auch in anderem "
        + "unterscheiden (etwa im Aufnahmejahr, in der Rechtslage oder in der Personalausstattung zu ihrer Zeit). Später aufgenommene Fälle sind kürzer beobachtet; "
        + "der Test berücksichtigt das, ein Median ist aber erst bekannt, wenn die Hälfte den Meilenstein erreicht hat. "
        + TestGrenzen;

    /// <summary>Why nothing is shown for two selections that share a Fall.</summary>
    public const string UeberschneidungsHinweis =
        "Die beiden Auswahlen überschneiden sich: Mindestens ein Fall gehört zu beiden. Verglichen werden nur getrennte Gruppen (etwa Zieldimension I ja und nein, "
        + "zwei Altersgruppen oder zwei Aufnahmezeiträume, die sich nicht überlappen); sonst ließen sich aus dem Unterschied Angaben über wenige Fälle errechnen, "
        + "und der Log-Rank-Test gälte nicht.";

    private const string KurvenErlaeuterung =
        "Die Kaplan-Meier-Kurven zeigen je Meilenstein, welcher Anteil ihn nach so vielen Tagen noch nicht erreicht hat; noch offene Fälle zählen bis heute mit (zensiert). "
        + "Der Log-Rank-Test prüft, ob die beiden Kurven sich stärker unterscheiden, als es der Zufall allein erklären würde: Ein p-Wert unter 0,05 heißt, dass ein so großer "
        + "Unterschied bei gleichen Verläufen selten wäre (weniger als 1 von 20 Mal). ";

    private const string TestGrenzen =
        "Bei wenigen Fällen übersieht der Test auch echte "
        + "Unterschiede; ein p-Wert über 0,05 heißt deshalb nicht, dass es keinen Unterschied gibt. Er vergleicht die ganzen Kurven, nicht einzelne Zeitpunkte. "
        + "Das 95-%-Konfidenzintervall des Medians gibt den Bereich an, in dem der wahre Median mit hoher Wahrscheinlichkeit liegt; „offen“ heißt, dass die Daten nach oben keine Grenze hergeben.";

    /// <summary>
    /// Any two selections side by side (the page "Vergleich", <c>GET /api/analysen/vergleich</c>): as
    /// <see cref="VergleichAsync"/>, each group named "A"/"B" with its selection in plain German.
    /// </summary>
    public Task<Vergleich> AuswahlenVergleichenAsync(AnalyseFilter a, AnalyseFilter b, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return VergleichAsync(a, b, "A (" + a.Bezeichnung() + ")", "B (" + b.Bezeichnung() + ")", AuswahlVergleichsErlaeuterung, ct);
    }

    /// <summary>
    /// Two selections side by side (A before, B after a decision): each passes the selection check and is suppressed as on
    /// its own page (durations, variants of the process track, conformance); differences, confidence intervals and the
    /// log-rank test only where both figures are published. Computed from the per-Fall projection when it is built (ADR
    /// 0004), else over the event log.
    /// </summary>
    public async Task<Vergleich> VergleichAsync(AnalyseFilter a, AnalyseFilter b, string bezeichnungA, string bezeichnungB, string erlaeuterung, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(b);
        var abfrageA = await AbfrageAsync(a, "Vergleich", "A", ct);
        var abfrageB = await AbfrageAsync(b, "Vergleich", "B", ct);
        var d = Quelle();
        var e = Einstellungen(abfrageA);
        var k = e.Mindestgroesse;
        var leer = new Variantenanalyse(Spur.Prozess, null, null, [], new SonstigeVarianten(null, null, true), true, null);
        var hinweisA = await AuswahlPruefenAsync(d, abfrageA, mitZeitraum: true, ct);
        var hinweisB = await AuswahlPruefenAsync(d, abfrageB, mitZeitraum: true, ct);
        if (hinweisA is not null || hinweisB is not null)
        {
            var hinweis = string.Join(" ", new[] { hinweisA is null ? null : $"{bezeichnungA}: {hinweisA}", hinweisB is null ? null : $"{bezeichnungB}: {hinweisB}" }.Where(h => h is not null));
            return new Vergleich(bezeichnungA, bezeichnungB, [], leer, leer, [], O.KurvenIntervallTage, true, hinweis, erlaeuterung);
        }

        // Separate groups only: the log-rank test assumes them, and figures of two overlapping selections side by side
        // would show, by their difference, the few Fälle in one but not the other (how many is not said either).
        if (await d.UeberschneidenSichAsync(abfrageA, abfrageB, ct))
        {
            return new Vergleich(bezeichnungA, bezeichnungB, [], leer, leer, [], O.KurvenIntervallTage, true, UeberschneidungsHinweis, erlaeuterung);
        }

        // The raw figures of both sides: from the in-memory projection side by side on the thread pool, over the event
        // log one after another.
        var spuren = e.SpurenMitIdealverlauf();
        var soll = e.SollKanten();
        async Task<(List<IReadOnlyList<DauerBeobachtung>> Dauern, VariantenRohdaten Varianten, KonformitaetsRohdaten Konformitaet)> Seite(AnalyseAbfrage abfrage)
        {
            var beobachtungen = new List<IReadOnlyList<DauerBeobachtung>>();
            foreach (var m in O.Meilensteine)
            {
                beobachtungen.Add(await d.DauernAsync(abfrage, m, ct));
            }

            return (beobachtungen, await d.VariantenAsync(abfrage, Spur.Prozess, O.MaxVarianten, ct), await d.KonformitaetAsync(abfrage, soll, spuren, ct));
        }

        var (rohA, rohB) = Nebeneinander(d)
            ? await BeideAsync(Task.Run(() => Seite(abfrageA), ct), Task.Run(() => Seite(abfrageB), ct))
            : (await Seite(abfrageA), await Seite(abfrageB));

        var dauern = new List<DauerVergleich>();
        for (var i = 0; i < O.Meilensteine.Count; i++)
        {
            var m = O.Meilensteine[i];
            var beobachtungA = rohA.Dauern[i];
            var beobachtungB = rohB.Dauern[i];
            var kmA = KaplanMeier.Schaetzen(beobachtungA);
            var kmB = KaplanMeier.Schaetzen(beobachtungB);
            var dauerA = DauerSperren(m, kmA, k, O.KurvenIntervallTage);
            var dauerB = DauerSperren(m, kmB, k, O.KurvenIntervallTage);

            // A curve is published only when at least k reached the milestone and none of its counts is withheld: only
            // then its median's interval and the test over both curves.
            var publiziertA = dauerA.Kurve.Count > 0;
            var publiziertB = dauerB.Kurve.Count > 0;
            Konfidenzintervall? Intervall(bool publiziert, KaplanMeierSchaetzung km, MeilensteinDauer dauer) =>
                publiziert && dauer.MedianKaplanMeierTage is not null ? Konfidenz(km) : null;
            LogRankTest? test = null;
            if (publiziertA && publiziertB && LogRank.Testen(beobachtungA, beobachtungB) is { Statistik: { } chi, PWert: { } p } lr)
            {
                test = new LogRankTest(lr.BeobachtetA, Math.Round(lr.ErwartetA, 1), lr.BeobachtetB, Math.Round(lr.ErwartetB, 1), Math.Round(chi, 2), p, LogRankAussage(p));
            }

            dauern.Add(new DauerVergleich(
                dauerA, dauerB, Intervall(publiziertA, kmA, dauerA), Intervall(publiziertB, kmB, dauerB),
                dauerA.MedianKaplanMeierTage is { } ma && dauerB.MedianKaplanMeierTage is { } mb ? mb - ma : null, test));
        }

        var variantenA = VariantenSperren(rohA.Varianten, Spur.Prozess, k);
        var variantenB = VariantenSperren(rohB.Varianten, Spur.Prozess, k);
        var (anteileA, _) = KonformitaetSperren(rohA.Konformitaet, k, O.MaxAbweichungen);
        var (anteileB, _) = KonformitaetSperren(rohB.Konformitaet, k, O.MaxAbweichungen);
        var konformitaet = anteileA
            .Select(x => (A: x, B: anteileB.FirstOrDefault(y => y.Spur == x.Spur)))
            .Where(p => p.B is not null)
            .Select(p => new KonformitaetsVergleich(p.A, p.B!, p.A.Anteil is { } x && p.B!.Anteil is { } y ? Math.Round((y - x) * 100, 1, MidpointRounding.AwayFromZero) : null))
            .ToList();

        return new Vergleich(bezeichnungA, bezeichnungB, dauern, variantenA, variantenB, konformitaet, O.KurvenIntervallTage, false, null, erlaeuterung);
    }

    /// <summary>
    /// Whether independent parts of one request may run side by side on the thread pool: over the in-memory projection
    /// (immutable; its per-request cohort cache is locked), not over the event log (one connection at a time).
    /// </summary>
    private bool Nebeneinander(IAnalysenDaten d) => !ReferenceEquals(d, daten);

    private static async Task<(T A, T B)> BeideAsync<T>(Task<T> a, Task<T> b)
    {
        await Task.WhenAll(a, b);
        return (await a, await b);
    }

    private static Konfidenzintervall Konfidenz(KaplanMeierSchaetzung km)
    {
        var (unten, oben) = KaplanMeier.MedianKonfidenz(km);
        return new Konfidenzintervall(unten, oben);
    }

    /// <summary>What a log-rank p-value says, in plain German.</summary>
    public static string LogRankAussage(double p) => p < 0.05
        ? string.Create(CultureInfo.GetCultureInfo("de-DE"), $"p = {p:0.####}: Die Kurven unterscheiden sich deutlicher, als es der Zufall allein meist erklären würde (p unter 0,05). Ob die Entscheidung die Ursache ist, zeigt der Test nicht.")
        : string.Create(CultureInfo.GetCultureInfo("de-DE"), $"p = {p:0.####}: Der Unterschied der Kurven kann gut Zufall sein (p ab 0,05). Das heißt nicht, dass es keinen Unterschied gibt.");

    /// <summary>
    /// Checks access and the selection before anything is sent, then returns the writer of the XES stream (so that a
    /// refusal is a proper error response, not a broken download). The log is k-anonymous with the pages' minimum group
    /// size (<see cref="XesAnonymisierung"/>); with <paramref name="spur"/> it holds only that track's events.
    /// </summary>
    public async Task<Func<Stream, CancellationToken, Task>> XesAsync(AnalyseFilter filter, Spur? spur, bool mitNamensraum, CancellationToken ct)
    {
        var abfrage = await AbfrageAsync(filter, "XesExport", spur, ct);
        // The log itself is read from the event log (traces, not aggregates): its selection is checked on the same data.
        if (await AuswahlPruefenAsync(daten, abfrage, mitZeitraum: true, ct) is { } hinweis)
        {
            throw new DomainException(hinweis, new Dictionary<string, string[]> { ["filter"] = [hinweis] });
        }

        var xesEinstellungen = new XesEinstellungen(K(abfrage), spur, mitNamensraum);
        return (ziel, abbruch) => xes.SchreibenAsync(ziel, abfrage, xesEinstellungen, abbruch);
    }

    /// <summary>One table of an analysis for the CSV export (names: <see cref="AnalyseTabellen.Namen"/>).</summary>
    public async Task<AnalyseTabelle> TabelleAsync(string name, AnalyseFilter filter, Spur? spur, string? meilenstein, CancellationToken ct) => name switch
    {
        "prozesslandkarte-knoten" => AnalyseTabellen.Knoten(await ProzesslandkarteAsync(filter, spur, ct)),
        "prozesslandkarte-kanten" => AnalyseTabellen.Kanten(await ProzesslandkarteAsync(filter, spur, ct)),
        "varianten" => AnalyseTabellen.Varianten(await VariantenAsync(filter, spur ?? AnalyseEingaben.Spur(null, erforderlich: true)!.Value, ct)),
        "dauern" => AnalyseTabellen.Dauern(await DauernAsync(filter, meilenstein, ct)),
        "dauern-kurven" => AnalyseTabellen.Kurven(await DauernAsync(filter, meilenstein, ct)),
        "konformitaet" => AnalyseTabellen.Konformitaet(await AbweichungenAsync(filter, ct)),
        "abweichungen" => AnalyseTabellen.Abweichungen(await AbweichungenAsync(filter, ct)),
        "engpaesse" => AnalyseTabellen.Engpaesse(await AbweichungenAsync(filter, ct)),
        "kennzahlen" => AnalyseTabellen.Kennzahlen(await KennzahlenAsync(filter, ct)),
        "beendigungsgruende" => AnalyseTabellen.Beendigungsgruende(await KennzahlenAsync(filter, ct)),
        "themen" => AnalyseTabellen.Themen(await ThemenAsync(filter, ct)),
        _ => throw new DomainException("Unbekannte Tabelle.", new Dictionary<string, string[]> { ["tabelle"] = [$"Erlaubt: {string.Join(", ", AnalyseTabellen.Namen)}."] }),
    };

    /// <summary>The allowed steps of every ideal flow of the installation's configuration (a Kommune's own: <see cref="WirksameEinstellungen.SollKanten"/>).</summary>
    public IReadOnlyList<SollKante> SollKanten() =>
        O.Idealverlauf.SelectMany(i => i.Value.Kanten().Select(k => new SollKante(i.Key, k.Von, k.Nach))).ToList();

    // ------------------------------------------------------------------ suppression of each analysis (public for tests)

    /// <summary>
    /// Lists the most frequent variants taken by at least <paramref name="mindestgroesse"/> Fälle; the rest are "sonstige".
    /// If "sonstige" would be a group below the minimum size (but not empty), the smallest listed variants join it until
    /// it is not: then every published count is either zero or at least the minimum size, and no difference reveals less.
    /// </summary>
    public static Variantenanalyse VariantenSperren(VariantenRohdaten roh, Spur spur, int mindestgroesse)
    {
        ArgumentNullException.ThrowIfNull(roh);
        if (roh.Faelle < mindestgroesse)
        {
            return new Variantenanalyse(spur, null, null, [], new SonstigeVarianten(null, null, true), true, AuswahlZuKlein(mindestgroesse));
        }

        var gezeigt = roh.Haeufigste.Where(v => v.Faelle >= mindestgroesse).ToList();
        long Sonstige() => roh.Anzahl - gezeigt.Sum(v => v.Anzahl);
        while (Sonstige() is > 0 and var s && s < mindestgroesse && gezeigt.Count > 0)
        {
            gezeigt.RemoveAt(gezeigt.Count - 1);
        }

        var sonstige = Sonstige();
        var sonstigeGesperrt = sonstige > 0 && sonstige < mindestgroesse;
        var varianten = gezeigt.Select((v, i) => new Variante(
                i + 1, spur, v.Zustaende, v.Zustaende.Select(z => Spurzustaende.Bezeichnung(spur, z)).ToList(), v.Anzahl, v.Faelle,
                Anteil(v.Anzahl, roh.Anzahl), Landkarten.Runden(v.MedianTage)))
            .ToList();
        return new Variantenanalyse(
            spur, sonstigeGesperrt ? null : roh.Anzahl, null, varianten,
            new SonstigeVarianten(sonstigeGesperrt ? null : sonstige, sonstigeGesperrt ? null : Anteil(sonstige, roh.Anzahl), sonstigeGesperrt),
            false, null);
    }

    /// <summary>
    /// Fälle, reached and censored are one relation (Fälle = reached + censored). The medians and the curve need at least
    /// the minimum size of Fälle that reached the milestone and none of the three withheld (the curve's steps would give
    /// them away); the curve is published in steps of <paramref name="intervallTage"/> days and only while at least the
    /// minimum size are still under observation (a curve's tail describes single people).
    /// </summary>
    public static MeilensteinDauer DauerSperren(MeilensteinDefinition meilenstein, KaplanMeierSchaetzung schaetzung, int mindestgroesse, int intervallTage)
    {
        ArgumentNullException.ThrowIfNull(meilenstein);
        ArgumentNullException.ThrowIfNull(schaetzung);
        var t = new Sperrtabelle();
        var n = t.Zelle(schaetzung.Beobachtungen, schaetzung.Beobachtungen, istSumme: true);
        var e = t.Zelle(schaetzung.Ereignisse, schaetzung.Ereignisse);
        var c = t.Zelle(schaetzung.Zensiert, schaetzung.Zensiert);
        t.Summe(n, [e, c]);
        t.Berechnen(mindestgroesse);

        // The curve's steps and at-risk counts would reveal reached and censored: only when all three are shown.
        var genugErreicht = schaetzung.Ereignisse >= mindestgroesse && !t.IstGesperrt(n) && !t.IstGesperrt(e) && !t.IstGesperrt(c);
        var kurve = new List<KurvenPunkt>();
        if (genugErreicht)
        {
            foreach (var (tage, ueberleben, unterRisiko) in schaetzung.Raster(intervallTage, mindestgroesse))
            {
                kurve.Add(new KurvenPunkt(tage, Math.Round(ueberleben, 4), unterRisiko));
            }
        }

        return new MeilensteinDauer(
            meilenstein.Schluessel, meilenstein.Bezeichnung, Zahl(t, n), Zahl(t, e), Zahl(t, c),
            genugErreicht ? schaetzung.Median : null, genugErreicht ? Landkarten.Runden(schaetzung.NaiverMedian) : null, kurve);
    }

    /// <summary>Per track and overall: Fälle = konform + abweichend (one relation each). Deviations below the minimum size are not listed.</summary>
    public static (IReadOnlyList<KonformitaetsAnteil> Anteile, IReadOnlyList<Abweichung> Abweichungen) KonformitaetSperren(KonformitaetsRohdaten roh, int mindestgroesse, int maxAbweichungen)
    {
        ArgumentNullException.ThrowIfNull(roh);
        var anteile = new List<KonformitaetsAnteil>();
        var faelleJeSpur = new Dictionary<Spur, long>();
        foreach (var a in roh.Anteile.OrderBy(a => a.Spur is null).ThenBy(a => a.Spur))
        {
            var t = new Sperrtabelle();
            var f = t.Zelle(a.Faelle, a.Faelle, istSumme: true);
            var k = t.Zelle(a.Konform, a.Konform);
            var ab = t.Zelle(a.Faelle - a.Konform, a.Faelle - a.Konform);
            t.Summe(f, [k, ab]);
            t.Berechnen(mindestgroesse);
            var anteil = t.IstGesperrt(k) || t.IstGesperrt(f) ? (double?)null : Anteil(a.Konform, a.Faelle);
            anteile.Add(new KonformitaetsAnteil(a.Spur, a.Spur is { } s ? Spurzustaende.Kurzname(s) : "Alle Spuren", Zahl(t, f), Zahl(t, k), Zahl(t, ab), anteil));
            if (a.Spur is { } spur && !t.IstGesperrt(f))
            {
                faelleJeSpur[spur] = a.Faelle;
            }
        }

        var abweichungen = roh.Abweichungen
            .Where(a => a.Faelle >= mindestgroesse)
            .OrderByDescending(a => a.Faelle).ThenByDescending(a => a.Anzahl).ThenBy(a => a.Spur).ThenBy(a => a.Von, StringComparer.Ordinal).ThenBy(a => a.Nach, StringComparer.Ordinal)
            .Take(maxAbweichungen)
            .Select(a => new Abweichung(
                a.Spur, a.Von, a.Nach, Spurzustaende.Bezeichnung(a.Spur, a.Von), Spurzustaende.Bezeichnung(a.Spur, a.Nach), a.Faelle, a.Anzahl,
                faelleJeSpur.TryGetValue(a.Spur, out var f) ? Anteil(a.Faelle, f) : null))
            .ToList();
        return (anteile, abweichungen);
    }

    /// <summary>Category × state with row, column and grand totals, all relations fed to the suppression.</summary>
    public static Themenuebersicht ThemenSperren(IReadOnlyList<ThemenWertRoh> roh, int mindestgroesse)
    {
        ArgumentNullException.ThrowIfNull(roh);
        var kategorien = Enum.GetValues<ThemaKategorie>();
        var status = Enum.GetValues<ThemaStatus>();
        ThemenWertRoh Wert(ThemaKategorie? k, ThemaStatus? s) => roh.FirstOrDefault(r => r.Kategorie == k && r.Status == s) ?? new ThemenWertRoh(k, s, 0, 0);

        var t = new Sperrtabelle();
        var zellen = new Dictionary<(ThemaKategorie?, ThemaStatus?), int>();
        foreach (var k in kategorien.Cast<ThemaKategorie?>().Append(null))
        {
            foreach (var s in status.Cast<ThemaStatus?>().Append(null))
            {
                var w = Wert(k, s);
                zellen[(k, s)] = t.Zelle(w.Anzahl, w.Faelle, istSumme: k is null || s is null);
            }
        }

        foreach (var k in kategorien.Cast<ThemaKategorie?>().Append(null))
        {
            t.Summe(zellen[(k, null)], status.Select(s => zellen[(k, s)]));
        }

        foreach (var s in status.Cast<ThemaStatus?>().Append(null))
        {
            t.Summe(zellen[(null, s)], kategorien.Select(k => zellen[(k, s)]));
        }

        t.Berechnen(mindestgroesse);
        var zeilen = kategorien.Cast<ThemaKategorie?>().Append(null)
            .Select(k => new ThemenZeile(
                k, k is { } kat ? ThemaKatalog.Bezeichnung(kat) : "Alle Kategorien",
                Zahl(t, zellen[(k, ThemaStatus.Offen)]), Zahl(t, zellen[(k, ThemaStatus.InLenkungsgruppe)]), Zahl(t, zellen[(k, ThemaStatus.Erledigt)]), Zahl(t, zellen[(k, null)])))
            .ToList();
        return new Themenuebersicht(zeilen, false, null);
    }

    // ------------------------------------------------------------------ helpers

    private async Task<AnalyseAbfrage> AbfrageAsync(AnalyseFilter filter, string vorgang, object? zusatz, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!benutzer.IstAngemeldet || !benutzer.HatRolle(Rolle.Lenkungsgruppe))
        {
            throw new ZugriffVerweigertException("Auswertungen sind der Lenkungsgruppe vorbehalten.");
        }

        var detail = filter.Beschreibung();
        if (zusatz is not null)
        {
            detail = string.Create(CultureInfo.InvariantCulture, $"{zusatz}{(detail.Length > 0 ? ";" : string.Empty)}{detail}");
        }

        audit.Vormerken("Analysen." + vorgang, detail.Length == 0 ? null : detail, null, null);
        return new AnalyseAbfrage(benutzer.Mandant, filter, kalender.Heute, KohortenRegel.Abschnitte(regeln)) { Einstellungen = await WirksamAsync(benutzer.Mandant, ct) };
    }

    /// <summary>The Kommune's effective settings (override or installation default); without the settings service (unit tests): the installation's.</summary>
    private async Task<WirksameEinstellungen> WirksamAsync(string mandant, CancellationToken ct) =>
        einstellungen is null ? InstallationsEinstellungen(mandant) : await einstellungen.WirksamAsync(mandant, ct);

    private WirksameEinstellungen InstallationsEinstellungen(string mandant) => new(
        mandant, O.Mindestgroesse, O.Vollzeitstellen, O.Idealverlauf, 0, 0, 0, 0, MandantUeberschreibungen.Keine, null, MandantEinstellungen.StandardVersion);

    private WirksameEinstellungen Einstellungen(AnalyseAbfrage abfrage) => abfrage.Einstellungen ?? InstallationsEinstellungen(abfrage.Mandant);

    /// <summary>The minimum group size k of the request's Kommune.</summary>
    private int K(AnalyseAbfrage abfrage) => Einstellungen(abfrage).Mindestgroesse;

    /// <summary>The stored report's fingerprint: the data's, and the version of the Kommune's settings it is computed under.</summary>
    private static string Datenstand(string daten, WirksameEinstellungen e) => daten + "|e=" + e.Version;

    private static bool UnterEinstellungen(string datenstand, WirksameEinstellungen e) => datenstand.EndsWith("|e=" + e.Version, StringComparison.Ordinal);

    private async Task<string?> AuswahlPruefenAsync(IAnalysenDaten d, AnalyseAbfrage abfrage, bool mitZeitraum, CancellationToken ct)
    {
        var k = K(abfrage);
        var population = await d.PopulationAsync(abfrage, mitZeitraum, ct);
        if (population.Gefiltert < k)
        {
            return AuswahlZuKlein(k);
        }

        return population.OhneEinenFilter.Any(n => n - population.Gefiltert is > 0 and var d && d < k)
            ? string.Create(CultureInfo.InvariantCulture, $"Die Auswahl unterscheidet sich um weniger als {k} Fälle von derselben Auswahl ohne einen der Filter. Aus Datenschutzgründen wird nichts angezeigt; bitte wählen Sie die Filter gröber.")
            : null;
    }

    private static string AuswahlZuKlein(int k) =>
        string.Create(CultureInfo.InvariantCulture, $"Die Auswahl umfasst weniger als {k} Fälle. Aus Datenschutzgründen wird nichts angezeigt.");

    private List<Engpass> EngpaesseBilden(LandkartenRohdaten landkarte, WirksameEinstellungen einstellung)
    {
        var k = einstellung.Mindestgroesse;
        var engpaesse = new List<Engpass>();
        foreach (var (spur, ideal) in einstellung.Idealverlauf.OrderBy(i => i.Key))
        {
            var warten = ideal.Wartezustaende.ToHashSet(StringComparer.Ordinal);
            if (warten.Count == 0)
            {
                continue;
            }

            var (_, gezeigt) = Landkarten.Sperren(landkarte, spur, spuruebergreifend: false, k);
            foreach (var kante in gezeigt.Where(e => warten.Contains(e.Von)))
            {
                var zustaendig = Spurzustaende.Zustaendig(spur, kante.VonGruppe);
                if (kante.Nach is { } nach)
                {
                    engpaesse.Add(new Engpass(zustaendig, spur, kante.Von, Spurzustaende.Bezeichnung(spur, kante.Von), nach, Spurzustaende.Bezeichnung(spur, nach),
                        false, kante.Faelle, Landkarten.Runden(kante.MedianTage), Landkarten.Runden(kante.P80Tage)));
                }
                else if (kante.OffenFaelle >= k)
                {
                    engpaesse.Add(new Engpass(zustaendig, spur, kante.Von, Spurzustaende.Bezeichnung(spur, kante.Von), null, null,
                        true, kante.OffenFaelle, Landkarten.Runden(kante.OffenMedianTage), Landkarten.Runden(kante.OffenP80Tage)));
                }
            }
        }

        return engpaesse
            .GroupBy(e => e.Zustaendig, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => g.OrderByDescending(e => e.MedianTage ?? 0).ThenByDescending(e => e.Faelle).ThenBy(e => e.Zustand, StringComparer.Ordinal).Take(O.MaxEngpaesseJeZustaendigkeit))
            .ToList();
    }

    private List<Quartalskennzahlen> KennzahlenBilden(IReadOnlyList<QuartalsWertRoh> roh, AnalyseFilter filter, DateOnly heute, WirksameEinstellungen e)
    {
        var k = e.Mindestgroesse;
        var bisQuartal = Quartalsbeginn(heute);
        var quartale = new List<DateOnly>();
        if (roh.Count > 0)
        {
            for (var q = Quartalsbeginn(roh.Min(r => r.Quartal)); q <= bisQuartal; q = q.AddMonths(3))
            {
                quartale.Add(q);
            }
        }

        var gruende = new List<(string Art, string Grund, string Merkmal, string Bezeichnung)>();
        gruende.AddRange(Enum.GetValues<Abschlussgrund>().Select(g => ("Abschluss", g.ToString(), $"Beendet:Abschluss:{g}", "Abschluss: " + ProzessKatalog.Bezeichnung(g))));
        gruende.AddRange(Enum.GetValues<Abbruchgrund>().Select(g => ("Abbruch", g.ToString(), $"Beendet:Abbruch:{g}", "Abbruch: " + ProzessKatalog.Bezeichnung(g))));
        gruende.Add(("Verweisung", "Verweisung", "Beendet:Verweisung", "Verweisung (Case Management nicht angezeigt)"));

        QuartalsWertRoh Roh(DateOnly q, string merkmal) => roh.FirstOrDefault(r => r.Quartal == q && r.Merkmal == merkmal) ?? new QuartalsWertRoh(q, merkmal, 0, 0);

        var t = new Sperrtabelle();
        var zellen = new List<QuartalsZellen>();
        long aktiv = 0, ruhend = 0;
        QuartalsZellen? vorher = null;
        foreach (var q in quartale)
        {
            aktiv += Roh(q, "Bestand:Aktiv").Anzahl;
            ruhend += Roh(q, "Bestand:Ruhend").Anzahl;
            var neu = Roh(q, "Neu");
            var wieder = Roh(q, "Wiederaufnahme");
            var beendet = Roh(q, "Beendet");
            var z = new QuartalsZellen(
                q,
                t.Zelle(neu.Anzahl, neu.Faelle),
                t.Zelle(wieder.Anzahl, wieder.Faelle),
                t.Zelle(beendet.Anzahl, beendet.Faelle, istSumme: true),
                gruende.Select(g => (g.Art, g.Grund, g.Bezeichnung, Zelle: t.Zelle(Roh(q, g.Merkmal).Anzahl, Roh(q, g.Merkmal).Faelle))).ToList(),
                t.Zelle(aktiv, aktiv),
                t.Zelle(ruhend, ruhend),
                t.Zelle(aktiv + ruhend, aktiv + ruhend, istSumme: true),
                aktiv + ruhend,
                Roh(q, "Fallmanager").Anzahl);
            t.Summe(z.Beendet, z.Gruende.Select(g => g.Zelle));
            t.Summe(z.Offen, [z.Aktiv, z.Ruhend]);
            // Stock and flow: open at the end + closed in the quarter = open before + new + reopened.
            int[] rechts = vorher is null ? [z.Neu, z.Wieder] : [vorher.Offen, z.Neu, z.Wieder];
            t.Gleichung([z.Offen, z.Beendet], rechts);
            zellen.Add(z);
            vorher = z;
        }

        t.Berechnen(k);

        var kohortenfilter = filter.Aufenthaltsstatus is not null || filter.Altersgruppe is not null || filter.ZieldimensionI is not null;
        var deutsch = CultureInfo.GetCultureInfo("de-DE");
        return zellen
            .Where(z => (filter.Von is null || z.Beginn.AddMonths(3).AddDays(-1) >= filter.Von) && (filter.Bis is null || z.Beginn <= filter.Bis))
            .Select(z =>
            {
                double? vollzeit = kohortenfilter ? null
                    : e.Vollzeitstellen is { } konfiguriert ? (double)konfiguriert
                    : z.Fallmanager >= O.MindestzahlFallmanager ? z.Fallmanager : null;
                var offen = t.Wert(z.Offen);
                var nummer = ((z.Beginn.Month - 1) / 3) + 1;
                return new Quartalskennzahlen(
                    string.Create(CultureInfo.InvariantCulture, $"{z.Beginn.Year}-Q{nummer}"),
                    string.Create(deutsch, $"{nummer}. Quartal {z.Beginn.Year}"),
                    z.Beginn, z.Beginn.AddMonths(3).AddDays(-1),
                    Zahl(t, z.Neu), Zahl(t, z.Wieder), Zahl(t, z.Beendet),
                    z.Gruende.Select(g => new Beendigungsgrund(g.Art, g.Grund, g.Bezeichnung, Zahl(t, g.Zelle))).ToList(),
                    Zahl(t, z.Aktiv), Zahl(t, z.Ruhend), Zahl(t, z.Offen),
                    vollzeit, vollzeit is { } v && offen is { } o ? Math.Round(o / v, 1, MidpointRounding.AwayFromZero) : null);
            })
            .ToList();
    }

    private static DateOnly Quartalsbeginn(DateOnly tag) => new(tag.Year, (((tag.Month - 1) / 3) * 3) + 1, 1);

    private static GeschuetzteZahl Zahl(Sperrtabelle t, int zelle) => new(t.Wert(zelle), t.IstGesperrt(zelle));

    private static double Anteil(long teil, long ganzes) => ganzes == 0 ? 0 : Math.Round((double)teil / ganzes, 4, MidpointRounding.AwayFromZero);

    private sealed record QuartalsZellen(
        DateOnly Beginn, int Neu, int Wieder, int Beendet, List<(string Art, string Grund, string Bezeichnung, int Zelle)> Gruende,
        int Aktiv, int Ruhend, int Offen, long OffenWert, long Fallmanager);
}
