namespace Kim.Casemanagement.Application.Analysen.Ergebnisse;

/// <summary>A point of a Kaplan-Meier curve: after <see cref="Tage"/> days, the share that has not reached the milestone yet, and how many were still under observation.</summary>
public sealed record KurvenPunkt(int Tage, double Ueberleben, long UnterRisiko);
