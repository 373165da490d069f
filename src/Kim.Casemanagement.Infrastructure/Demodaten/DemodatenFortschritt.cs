namespace Kim.Casemanagement.Infrastructure.Demodaten;

/// <summary>Progress of a seed run: clients simulated and clients written to the database, of <see cref="Gesamt"/>.</summary>
public sealed record DemodatenFortschritt(int Erzeugt, int Geladen, int Gesamt);
