namespace Kim.Casemanagement.Application.Analysen;

/// <summary>
/// The parts of the analyses a page shows: each analysis page asks <see cref="AnalysenHandler.BerichtAsync"/> only for
/// its own (the overview for its key figures, the process map page for the map), the meeting report for all of them.
/// A part not asked for is not computed and is null in the <see cref="Ergebnisse.AnalysenBericht"/>.
/// </summary>
[Flags]
public enum BerichtTeile
{
    Keine = 0,

    /// <summary>The process map of the chosen track, or across tracks.</summary>
    Landkarte = 1,

    /// <summary>The variants of the chosen track (of the process track without one).</summary>
    Varianten = 2,

    /// <summary>Kaplan-Meier durations to every milestone.</summary>
    Dauern = 4,

    /// <summary>Conformance with the ideal flow and the most common deviations.</summary>
    Konformitaet = 8,

    /// <summary>The bottlenecks per authority (a per-track map of its own); only together with <see cref="Konformitaet"/>.</summary>
    Engpaesse = 16,

    /// <summary>Key figures per quarter.</summary>
    Kennzahlen = 32,

    /// <summary>The generative Themen by category and status.</summary>
    Themen = 64,

    /// <summary>Everything: the meeting report and the stored report of all Fälle.</summary>
    Alle = Landkarte | Varianten | Dauern | Konformitaet | Engpaesse | Kennzahlen | Themen,
}
