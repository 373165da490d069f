namespace Kim.Casemanagement.Infrastructure.Identitaet;

/// <summary>Claim types of the application's principal (besides the standard name identifier, name and role).</summary>
public static class Anspruch
{
    public const string Sitzung = "sid";
    public const string Mandant = "mandant";
    public const string Team = "team";
    public const string Behoerde = "behoerde";
    public const string Anzeigename = "anzeigename";
    public const string Methode = "amr";
}
