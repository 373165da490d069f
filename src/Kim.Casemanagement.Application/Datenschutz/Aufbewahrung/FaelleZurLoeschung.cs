namespace Kim.Casemanagement.Application.Datenschutz.Aufbewahrung;

/// <summary>
/// Counts of the tenant's Fälle for the retention overview, no ids: <see cref="Faellig"/> past their retention period
/// and not held (what the erasure job would anonymise), <see cref="FaelligAberGesperrt"/> past it but under an active
/// hold (what the job skips), <see cref="Gesperrt"/> all Fälle under an active hold; <see cref="Stand"/> when counted.
/// </summary>
public sealed record FaelleZurLoeschung(int Faellig, int FaelligAberGesperrt, int Gesperrt, DateTimeOffset Stand);
