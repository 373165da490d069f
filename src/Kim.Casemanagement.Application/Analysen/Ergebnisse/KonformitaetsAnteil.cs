using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Application.Analysen.Ergebnisse;

/// <summary>How many Fälle follow the ideal flow on a track (<see cref="Spur"/> null: on every evaluated track).</summary>
public sealed record KonformitaetsAnteil(Spur? Spur, string Bezeichnung, GeschuetzteZahl Faelle, GeschuetzteZahl Konform, GeschuetzteZahl Abweichend, double? Anteil);
