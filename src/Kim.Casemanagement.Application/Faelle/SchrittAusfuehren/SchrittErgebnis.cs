namespace Kim.Casemanagement.Application.Faelle.SchrittAusfuehren;

/// <summary>What a step changed: the new version, the events written (including follow-ups), and the state of each track.</summary>
public sealed record SchrittErgebnis(Guid FallId, int Version, IReadOnlyList<EreignisKurz> Ereignisse, IReadOnlyDictionary<string, string> Zustaende);

/// <summary>An event as returned right after writing it.</summary>
public sealed record EreignisKurz(int Nr, string Spur, Guid? UeberleitungId, string Trigger, string? VonZustand, string NachZustand, DateOnly FachlichesDatum, int? AusgeloestDurch);
