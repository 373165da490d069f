namespace Kim.Casemanagement.Web.Sicherheit;

/// <summary>The active partner system behind the current request's access token (set by <see cref="SitzungsPruefung"/>).</summary>
internal sealed record PartnersystemMerkmal(string ClientId);
