namespace Kim.Casemanagement.Infrastructure.Identitaet;

/// <summary>An account in the administration list (no case data).</summary>
public sealed record BenutzerZeile(string Id, string Benutzername, string Anzeigename, IReadOnlyList<string> Rollen, Guid? TeamId, string? Behoerde, bool Aktiv, bool ZweiFaktorAktiv, DateTimeOffset? GesperrtBis);
