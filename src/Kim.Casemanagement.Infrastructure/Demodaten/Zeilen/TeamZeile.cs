namespace Kim.Casemanagement.Infrastructure.Demodaten.Zeilen;

/// <summary>One row of <c>teams</c>.</summary>
public sealed record TeamZeile(Guid Id, string Name, string Mandant);
