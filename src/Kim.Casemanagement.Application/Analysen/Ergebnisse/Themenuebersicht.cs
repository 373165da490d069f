namespace Kim.Casemanagement.Application.Analysen.Ergebnisse;

/// <summary>Counts of generative Themen by category and state: never a Fall, never a description.</summary>
public sealed record Themenuebersicht(IReadOnlyList<ThemenZeile> Zeilen, bool Gesperrt, string? Hinweis);
