namespace Kim.Casemanagement.Application.Analysen.Rohdaten;

/// <summary>The most frequent variants of a track before suppression, with the totals over all variants (traces, distinct Fälle, distinct paths).</summary>
public sealed record VariantenRohdaten(long Anzahl, long Faelle, long Varianten, IReadOnlyList<VarianteRoh> Haeufigste);
