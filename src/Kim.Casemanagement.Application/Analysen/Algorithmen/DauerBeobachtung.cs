namespace Kim.Casemanagement.Application.Analysen.Algorithmen;

/// <summary>
/// <paramref name="Anzahl"/> Fälle that took <paramref name="Tage"/> days from the start milestone to the end milestone
/// (<paramref name="Ereignis"/> true) or were observed that long without reaching it (censored: still open today, or
/// closed or broken off then).
/// </summary>
public sealed record DauerBeobachtung(int Tage, bool Ereignis, long Anzahl);
