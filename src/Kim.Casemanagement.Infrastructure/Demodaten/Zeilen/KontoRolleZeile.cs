using Kim.Casemanagement.Application.Sicherheit;

namespace Kim.Casemanagement.Infrastructure.Demodaten.Zeilen;

/// <summary>One role of a generated account (<c>benutzer_rollen</c>; the loader looks the role id up in <c>rollen</c>).</summary>
public sealed record KontoRolleZeile(string BenutzerId, Rolle Rolle);
