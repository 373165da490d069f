namespace Kim.Casemanagement.Application.Analysen.Ergebnisse;

/// <summary>
/// One milestone duration: Fälle with a start, how many reached the end, how many are censored (open, or closed before
/// reaching it), the Kaplan-Meier median and the naive median of the completed Fälle only (biased low: shown for
/// comparison), and the curve.
/// </summary>
public sealed record MeilensteinDauer(
    string Schluessel,
    string Bezeichnung,
    GeschuetzteZahl Faelle,
    GeschuetzteZahl Erreicht,
    GeschuetzteZahl Zensiert,
    double? MedianKaplanMeierTage,
    double? NaiverMedianTage,
    IReadOnlyList<KurvenPunkt> Kurve);
