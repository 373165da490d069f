using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Infrastructure.Identitaet;

/// <summary>An account to create: sign-in name, display name, roles, team, partner authority, initial password.</summary>
public sealed record NeuerBenutzer(string Benutzername, string Anzeigename, string? Email, IReadOnlyList<Rolle> Rollen, Guid? TeamId, Behoerde? Behoerde, string Passwort);
