namespace Kim.Casemanagement.Application.Analysen.Ergebnisse;

/// <summary>Durations between milestones, estimated with Kaplan-Meier.</summary>
public sealed record Dauernanalyse(IReadOnlyList<MeilensteinDauer> Meilensteine, int KurvenIntervallTage, bool Gesperrt, string? Hinweis);
