using Kim.Casemanagement.Application.Sicherheit;

namespace Kim.Casemanagement.Infrastructure.Identitaet;

/// <summary>
/// Sign-in through the Kommune's identity provider (section <c>Anmeldung:KommuneIdp</c>; ADR 0013, README): an
/// OpenID Connect provider (Keycloak, ADFS, Entra ID) as an external login. Off while <see cref="Authority"/> or
/// <see cref="ClientId"/> is empty.
/// </summary>
public sealed class KommuneIdpOptionen
{
    public const string Abschnitt = "Anmeldung:KommuneIdp";

    /// <summary>The provider's issuer URL (its discovery document lies below it).</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Scopes requested besides <c>openid</c> (e.g. <c>profile</c>, <c>email</c>, a groups scope).</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>Shown on the login page's button and in the audit detail: "Mit dem Konto der Kommune anmelden".</summary>
    public string Anzeigename { get; set; } = "Kommune";

    /// <summary>The claim that identifies a person at the provider for good (with the issuer): <c>sub</c>, with Entra ID possibly <c>oid</c>.</summary>
    public string SubjektClaim { get; set; } = "sub";

    /// <summary>The claim that carries the person's groups (Keycloak: <c>groups</c>; Entra ID: <c>groups</c> or <c>roles</c>).</summary>
    public string GruppenClaim { get; set; } = "groups";

    /// <summary>Which group gives which roles, team and partner authority. A person in no mapped group is refused.</summary>
    public List<GruppenZuordnung> Gruppen { get; set; } = [];

    /// <summary>
    /// <c>amr</c> values (RFC 8176) that count as a second factor done at the provider; any one suffices. Otherwise the
    /// local TOTP step follows.
    /// </summary>
    public List<string> ZweiterFaktorAmr { get; set; } = ["mfa", "otp", "hwk"];

    /// <summary><c>acr</c> values that count as a second factor done at the provider (empty: none does).</summary>
    public List<string> ZweiterFaktorAcr { get; set; } = [];

    /// <summary>The Kommune (Mandant) whose accounts this provider signs in.</summary>
    public string Mandant { get; set; } = "standard";

    /// <summary>Fetch the provider's metadata over HTTPS only (off only for a local trial with an HTTP provider).</summary>
    public bool HttpsPflicht { get; set; } = true;

    /// <summary>Read name, e-mail and groups from the userinfo endpoint as well (for providers that keep them out of the ID token).</summary>
    public bool ClaimsVomUserinfoEndpunkt { get; set; }

    public bool Aktiv => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>What is wrong with an active configuration (German, for the start-up error), empty when it is usable.</summary>
    public IReadOnlyList<string> Fehler()
    {
        var fehler = new List<string>();
        if (!Aktiv)
        {
            return fehler;
        }

        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || (HttpsPflicht && authority.Scheme != Uri.UriSchemeHttps))
        {
            fehler.Add($"{Abschnitt}:Authority muss eine absolute {(HttpsPflicht ? "HTTPS-" : string.Empty)}Adresse sein.");
        }

        if (string.IsNullOrWhiteSpace(SubjektClaim) || string.IsNullOrWhiteSpace(GruppenClaim))
        {
            fehler.Add($"{Abschnitt}: SubjektClaim und GruppenClaim dürfen nicht leer sein.");
        }

        if (Gruppen.Count == 0)
        {
            fehler.Add($"{Abschnitt}:Gruppen ist leer: ohne Zuordnung von Gruppen zu Rollen könnte sich niemand anmelden.");
        }

        foreach (var (g, i) in Gruppen.Select((g, i) => (g, i)))
        {
            var wo = $"{Abschnitt}:Gruppen:{i}";
            if (string.IsNullOrWhiteSpace(g.Gruppe) || g.Rollen.Count == 0 || g.Rollen.Any(r => !Enum.IsDefined(r)))
            {
                fehler.Add($"{wo}: Gruppe und mindestens eine bekannte Rolle angeben.");
            }

            if (g.Rollen.Contains(Rolle.Partner) != (g.Behoerde is not null))
            {
                fehler.Add($"{wo}: Die Rolle Partner braucht genau eine Behörde, andere Rollen keine.");
            }

            if ((g.Rollen.Contains(Rolle.Fallmanagement) || g.Rollen.Contains(Rolle.Teamleitung)) && string.IsNullOrWhiteSpace(g.Team))
            {
                fehler.Add($"{wo}: Fallmanagement und Teamleitung brauchen ein Team.");
            }
        }

        return fehler;
    }
}
