namespace Kim.Casemanagement.Application.Analysen.Ergebnisse;

/// <summary>
/// All analyses of the report page for one selection, every figure already suppressed. <paramref name="Stand"/>: when
/// they were computed; <paramref name="Gespeichert"/>: taken from the stored report of all Fälle (refreshed in the
/// background) rather than computed for this request; <paramref name="Vorberechnet"/>: computed for this selection from
/// the precomputed per-Fall projection read at <paramref name="Stand"/> (ADR 0004). A part the page did not ask for
/// (<see cref="BerichtTeile"/>) is null; the stored report of all Fälle always has every part.
/// </summary>
public sealed record AnalysenBericht(
    DateTimeOffset Stand,
    bool Gespeichert,
    Prozesslandkarte? Landkarte,
    Variantenanalyse? Varianten,
    Dauernanalyse? Dauern,
    Abweichungsanalyse? Abweichungen,
    Kennzahlenanalyse? Kennzahlen,
    Themenuebersicht? Themen,
    bool Vorberechnet = false);
