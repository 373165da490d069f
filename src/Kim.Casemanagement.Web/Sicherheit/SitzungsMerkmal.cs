using Kim.Casemanagement.Infrastructure.Identitaet;

namespace Kim.Casemanagement.Web.Sicherheit;

/// <summary>The server-side session behind the current request (set by <see cref="SitzungsPruefung"/>).</summary>
internal sealed record SitzungsMerkmal(Sitzung Sitzung);
