namespace Kim.Casemanagement.Application.Analysen.Ergebnisse;

/// <summary>All traces whose path is not listed (rare paths, and those beyond the list length), without their paths.</summary>
public sealed record SonstigeVarianten(long? Verlaeufe, double? Anteil, bool Gesperrt);
