using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Application.Analysen.Ergebnisse;

/// <summary>A step outside the ideal flow: by how many Fälle (and how often) it was taken, and their share of the Fälle on the track.</summary>
public sealed record Abweichung(Spur Spur, string Von, string Nach, string VonBezeichnung, string NachBezeichnung, long Faelle, long Anzahl, double? AnteilDerFaelle);
