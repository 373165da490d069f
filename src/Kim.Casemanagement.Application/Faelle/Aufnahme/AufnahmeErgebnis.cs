namespace Kim.Casemanagement.Application.Faelle.Aufnahme;

/// <summary>What intake created.</summary>
public sealed record AufnahmeErgebnis(Guid FallId, Guid KlientId, string Aktenzeichen, int Version);
