namespace Kim.Casemanagement.Web.Hosting;

/// <summary>A demo account shown on the login page in Development, with its current TOTP code.</summary>
public sealed record DemoZugang(string Benutzername, string Beschreibung, string Code);
