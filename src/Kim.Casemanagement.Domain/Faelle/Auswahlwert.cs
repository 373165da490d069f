namespace Kim.Casemanagement.Domain.Faelle;

/// <summary>One allowed value of a choice parameter, with its German label.</summary>
public sealed record Auswahlwert(string Wert, string Bezeichnung);
