namespace Kim.Casemanagement.Application.Analysen.Ergebnisse;

/// <summary>Key figures per quarter; <see cref="Vollzeitgrundlage"/> says what the FTE figure is based on.</summary>
public sealed record Kennzahlenanalyse(IReadOnlyList<Quartalskennzahlen> Quartale, string Vollzeitgrundlage, bool Gesperrt, string? Hinweis);
