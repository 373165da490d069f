namespace Kim.Casemanagement.Application.Analysen.Ergebnisse;

/// <summary>Closures of one kind (<c>Abschluss</c>, <c>Abbruch</c>, <c>Verweisung</c>) and reason in a quarter.</summary>
public sealed record Beendigungsgrund(string Art, string Grund, string Bezeichnung, GeschuetzteZahl Anzahl);
