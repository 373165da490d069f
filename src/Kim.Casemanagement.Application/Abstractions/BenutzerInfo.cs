using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Application.Abstractions;

/// <summary>A staff account as the use cases need it.</summary>
public sealed record BenutzerInfo(string Id, string Anzeigename, string Mandant, Guid? TeamId, Behoerde? Behoerde, IReadOnlySet<Rolle> Rollen, bool Aktiv);
