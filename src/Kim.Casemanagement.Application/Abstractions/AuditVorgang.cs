namespace Kim.Casemanagement.Application.Abstractions;

/// <summary>One noted access: what, detail (no personal data), which Fall/Klient, when (UTC).</summary>
public sealed record AuditVorgang(string Aktion, string? Detail, Guid? FallId, Guid? KlientId, DateTimeOffset Zeitpunkt);
