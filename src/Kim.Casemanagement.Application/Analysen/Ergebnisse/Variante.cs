using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Application.Analysen.Ergebnisse;

/// <summary>One path through a track: its states (names and German labels), how many traces and Fälle took it, their share, and the median days from the first to the last step.</summary>
public sealed record Variante(int Rang, Spur Spur, IReadOnlyList<string> Zustaende, IReadOnlyList<string> Bezeichnungen, long Verlaeufe, long Faelle, double Anteil, double? MedianDurchlaufzeitTage);
