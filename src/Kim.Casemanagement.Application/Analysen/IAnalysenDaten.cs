using Kim.Casemanagement.Application.Analysen.Algorithmen;
using Kim.Casemanagement.Application.Analysen.Rohdaten;
using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Application.Analysen;

/// <summary>
/// The data port of the analyses: aggregates computed where the events are (the database), for the Fälle of the tenant
/// that match the filter. Results are small and unsuppressed; suppression is the handler's job. Every method must return
/// exactly what the reference algorithms in <see cref="Ereignisfolgen"/> return for the same events.
/// </summary>
public interface IAnalysenDaten
{
    /// <summary>Size of the selection and of the selections that each leave out one active cohort or team filter. <paramref name="mitZeitraum"/>: the period restricts the intake date.</summary>
    Task<Population> PopulationAsync(AnalyseAbfrage abfrage, bool mitZeitraum, CancellationToken ct);

    /// <summary>Whether any Fall belongs to both selections (with their periods): a side-by-side comparison needs separate groups.</summary>
    Task<bool> UeberschneidenSichAsync(AnalyseAbfrage a, AnalyseAbfrage b, CancellationToken ct);

    /// <summary>See <see cref="Ereignisfolgen.Landkarte"/>; open = the case-management process is not closed, broken off or referred elsewhere.</summary>
    Task<LandkartenRohdaten> LandkarteAsync(AnalyseAbfrage abfrage, Spur? spur, bool spuruebergreifend, CancellationToken ct);

    /// <summary>See <see cref="Ereignisfolgen.Varianten"/>; at most <paramref name="anzahl"/> variants, the totals over all.</summary>
    Task<VariantenRohdaten> VariantenAsync(AnalyseAbfrage abfrage, Spur spur, int anzahl, CancellationToken ct);

    /// <summary>
    /// The milestone durations: for each Fall with a start, the days to the first end on or after the start (event), or
    /// to the censoring day (no end yet): the day the process was closed, broken off or referred, else today; Fälle closed
    /// before their start are left out.
    /// </summary>
    Task<IReadOnlyList<DauerBeobachtung>> DauernAsync(AnalyseAbfrage abfrage, MeilensteinDefinition meilenstein, CancellationToken ct);

    /// <summary>See <see cref="Ereignisfolgen.Konformitaet"/>.</summary>
    Task<KonformitaetsRohdaten> KonformitaetAsync(AnalyseAbfrage abfrage, IReadOnlyCollection<SollKante> soll, IReadOnlyCollection<Spur> spuren, CancellationToken ct);

    /// <summary>The key figures of every quarter from the first event to today (period ignored: the handler picks the quarters).</summary>
    Task<IReadOnlyList<QuartalsWertRoh>> KennzahlenAsync(AnalyseAbfrage abfrage, CancellationToken ct);

    /// <summary>Themen by category and state with all margins; the period restricts the day they were flagged.</summary>
    Task<IReadOnlyList<ThemenWertRoh>> ThemenAsync(AnalyseAbfrage abfrage, CancellationToken ct);
}
