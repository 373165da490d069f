namespace Kim.Casemanagement.Application.Datenschutz.Sperrung;

/// <summary>A hold to be stored (<see cref="ISperrvorgang.SetzenAsync"/>).</summary>
public sealed record NeueSperre(Guid Id, string Grund, DateOnly? Bis, string GesetztVon, DateTimeOffset GesetztAm);
