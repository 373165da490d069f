namespace Kim.Casemanagement.Infrastructure.Demodaten.Zeilen;

/// <summary>One row of <c>vertretungen</c>.</summary>
public sealed record VertretungZeile(Guid Id, Guid FallId, string BenutzerId, DateOnly Von, DateOnly Bis);
