using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Application.Analysen.Ergebnisse;

/// <summary>The variants of a track: the most frequent paths (each taken by at least the minimum group size), the rest as "sonstige".</summary>
public sealed record Variantenanalyse(Spur Spur, long? Verlaeufe, long? AnzahlVarianten, IReadOnlyList<Variante> Varianten, SonstigeVarianten Sonstige, bool Gesperrt, string? Hinweis);
