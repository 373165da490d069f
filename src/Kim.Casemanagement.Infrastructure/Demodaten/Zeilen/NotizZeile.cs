namespace Kim.Casemanagement.Infrastructure.Demodaten.Zeilen;

/// <summary>One row of <c>notizen</c>.</summary>
public sealed record NotizZeile(Guid Id, Guid FallId, string Text, string VerfasstVon, DateTimeOffset VerfasstAm);
