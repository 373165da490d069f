namespace Kim.Casemanagement.Application.Analysen.Algorithmen;

/// <summary>
/// One distinct time of the Kaplan-Meier table: how many were still at risk (duration ≥ <see cref="Tage"/>), how many
/// reached the milestone then, how many were censored then, and the survival S(t) after this time (the share that has
/// not yet reached the milestone).
/// </summary>
public sealed record KaplanMeierStufe(int Tage, long UnterRisiko, long Ereignisse, long Zensiert, double Ueberleben);
