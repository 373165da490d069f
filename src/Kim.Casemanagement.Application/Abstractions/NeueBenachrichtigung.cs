namespace Kim.Casemanagement.Application.Abstractions;

/// <summary>A notice for one recipient. <paramref name="Schluessel"/> makes it a once-only notice (scheduled deadlines): a second notice with the same key is dropped.</summary>
public sealed record NeueBenachrichtigung(string EmpfaengerId, Guid? FallId, string Art, string Titel, string Text, string? Link, string? Schluessel = null);
