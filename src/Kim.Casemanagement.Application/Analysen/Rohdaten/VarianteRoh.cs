namespace Kim.Casemanagement.Application.Analysen.Rohdaten;

/// <summary>One path through a track (states in order, repeats of the same state collapsed), how many traces and Fälle took it, and their median throughput time.</summary>
public sealed record VarianteRoh(IReadOnlyList<string> Zustaende, long Anzahl, long Faelle, double? MedianTage);
