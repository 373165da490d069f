using Kim.Casemanagement.Application.Abstractions;

namespace Kim.Casemanagement.Web.Benutzer;

/// <summary>The actor until logins exist (security issue): recorded as "anonym" in events.</summary>
internal sealed class AnonymerBenutzer : IAktuellerBenutzer
{
    public string Id => "anonym";

    public string Mandant => "standard";
}
