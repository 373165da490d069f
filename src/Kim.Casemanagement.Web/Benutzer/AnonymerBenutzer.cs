using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Web.Benutzer;

/// <summary>The actor until logins exist (security issue): recorded as "anonym" in events.</summary>
internal sealed class AnonymerBenutzer : IAktuellerBenutzer
{
    public string Id => "anonym";

    public string Mandant => "standard";

    public bool IstAngemeldet => false;

    public IReadOnlySet<Rolle> Rollen { get; } = new HashSet<Rolle>();

    public Guid? TeamId => null;

    public Behoerde? Behoerde => null;

    public string? Herkunft => null;
}
