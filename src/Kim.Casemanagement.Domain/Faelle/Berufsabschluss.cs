namespace Kim.Casemanagement.Domain.Faelle;

/// <summary>A qualification acquired abroad and where its recognition stands.</summary>
public sealed record Berufsabschluss(string Bezeichnung, string Land, bool Akademisch, AnerkennungsErgebnis? Anerkennung);
