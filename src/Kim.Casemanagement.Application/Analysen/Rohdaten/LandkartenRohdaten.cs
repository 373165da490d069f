namespace Kim.Casemanagement.Application.Analysen.Rohdaten;

/// <summary>A process map before suppression: its states, its steps (including trace ends) and the number of traces per track (or across tracks).</summary>
public sealed record LandkartenRohdaten(IReadOnlyList<KnotenRoh> Knoten, IReadOnlyList<KanteRoh> Kanten, IReadOnlyList<VerlaufSummeRoh> Summen);
