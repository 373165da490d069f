namespace Kim.Casemanagement.Domain.Faelle;

/// <summary>One step of a track as seen now: possible, or blocked with its German reasons; and the parameters it takes.</summary>
public sealed record SchrittStatus(string Trigger, string Bezeichnung, bool Moeglich, IReadOnlyList<string> Gruende, IReadOnlyList<ParameterDefinition> Parameter);
