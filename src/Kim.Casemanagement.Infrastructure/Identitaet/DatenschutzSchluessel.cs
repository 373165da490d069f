namespace Kim.Casemanagement.Infrastructure.Identitaet;

/// <summary>
/// One ASP.NET Core Data Protection key (protects login cookies, bearer tokens and antiforgery tokens), stored in the
/// database so that every app instance uses the same keys. The XML holds the key material; see SECURITY.md (key storage).
/// </summary>
public sealed class DatenschutzSchluessel
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public string Xml { get; set; } = string.Empty;
}
