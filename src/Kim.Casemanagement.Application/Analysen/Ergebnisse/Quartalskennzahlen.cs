namespace Kim.Casemanagement.Application.Analysen.Ergebnisse;

/// <summary>
/// Key figures of one quarter: new Fälle, reopened, closed (by reason), and the stock at the end of the quarter (active,
/// paused, open = both); case managers (FTE) and open Fälle per FTE.
/// </summary>
public sealed record Quartalskennzahlen(
    string Quartal,
    string Bezeichnung,
    DateOnly Beginn,
    DateOnly Ende,
    GeschuetzteZahl Neu,
    GeschuetzteZahl Wiederaufnahmen,
    GeschuetzteZahl Beendet,
    IReadOnlyList<Beendigungsgrund> Gruende,
    GeschuetzteZahl Aktiv,
    GeschuetzteZahl Ruhend,
    GeschuetzteZahl Offen,
    double? Vollzeitstellen,
    double? FaelleJeVollzeitstelle);
