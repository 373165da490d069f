namespace Kim.Casemanagement.Infrastructure.Benachrichtigungen;

/// <summary>A notice as clients receive it (over SignalR and the inbox API).</summary>
public sealed record BenachrichtigungDto(long Seq, Guid? FallId, string Art, string Titel, string Text, string? Link, DateTimeOffset ErstelltAm, bool Gelesen);
