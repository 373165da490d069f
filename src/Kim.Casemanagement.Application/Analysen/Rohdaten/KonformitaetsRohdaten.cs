namespace Kim.Casemanagement.Application.Analysen.Rohdaten;

/// <summary>Conformance with the ideal flow before suppression.</summary>
public sealed record KonformitaetsRohdaten(IReadOnlyList<KonformitaetRoh> Anteile, IReadOnlyList<AbweichungRoh> Abweichungen);
