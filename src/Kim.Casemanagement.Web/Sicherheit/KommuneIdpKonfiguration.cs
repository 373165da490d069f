using Kim.Casemanagement.Infrastructure.Identitaet;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Kim.Casemanagement.Web.Sicherheit;

/// <summary>
/// Sign-in through the Kommune's identity provider (ADR 0013): ASP.NET Core's OpenID Connect handler (code flow with
/// PKCE) as an external login, its result in a short-lived external cookie that only <c>/Konto/Extern</c> reads, and a
/// step cookie for the local TOTP step. Registered only when <c>Anmeldung:KommuneIdp</c> names a provider.
/// </summary>
internal static class KommuneIdpKonfiguration
{
    /// <summary>The authentication scheme of the OpenID Connect handler.</summary>
    public const string Schema = "Kommune-IdP";

    /// <summary>Claim added to the external principal: the issuer of the validated ID token.</summary>
    public const string ClaimAussteller = "kim_idp_iss";

    public const string Rueckrufpfad = "/signin-kommune";

    public static IServiceCollection AddKimKommuneIdp(this IServiceCollection services, IConfiguration configuration, bool nurHttps)
    {
        var abschnitt = configuration.GetSection(KommuneIdpOptionen.Abschnitt);
        services.AddOptions<KommuneIdpOptionen>().Bind(abschnitt)
            .Validate(o => o.Fehler().Count == 0, "Die Konfiguration Anmeldung:KommuneIdp ist unvollständig (siehe README).")
            .ValidateOnStart();
        services.AddScoped<ExterneAnmeldung>();
        var optionen = abschnitt.Get<KommuneIdpOptionen>() ?? new KommuneIdpOptionen();
        if (!optionen.Aktiv)
        {
            return services;
        }

        if (optionen.Fehler() is { Count: > 0 } fehler)
        {
            throw new InvalidOperationException("Anmeldung über den Identity Provider der Kommune: " + string.Join(" ", fehler));
        }

        // Metadata and keys over plain HTTP only for the local trial (scripts/sso-ausprobieren.sh) and tests.
        var umgebung = configuration[HostDefaults.EnvironmentKey];
        if (!optionen.HttpsPflicht && umgebung is not ("Development" or "Testing"))
        {
            throw new InvalidOperationException($"{KommuneIdpOptionen.Abschnitt}:HttpsPflicht=false ist nur in der Entwicklung erlaubt (Umgebung: {umgebung ?? "Production"}).");
        }

        var sicherheit = nurHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.AddAuthentication()
            .AddCookie(IdentityConstants.ExternalScheme, o =>
            {
                // Set on the provider's redirect back (a cross-site navigation): Lax, so that the next same-chain
                // request to /Konto/Extern carries it. Holds the provider's claims for minutes, nothing else reads it.
                o.Cookie.Name = nurHttps ? "__Host-kim-extern" : "kim-extern";
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = sicherheit;
                o.Cookie.HttpOnly = true;
                o.Cookie.Path = "/";
                o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
                o.SlidingExpiration = false;
            })
            .AddCookie(IdentityConstants.TwoFactorUserIdScheme, o =>
            {
                // Between the provider's sign-in and the local TOTP code: the account id, five minutes, same-site only.
                o.Cookie.Name = nurHttps ? "__Host-kim-zweiter-faktor" : "kim-zweiter-faktor";
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = sicherheit;
                o.Cookie.HttpOnly = true;
                o.Cookie.Path = "/";
                o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
                o.SlidingExpiration = false;
            })
            .AddOpenIdConnect(Schema, optionen.Anzeigename, o =>
            {
                o.Authority = optionen.Authority;
                o.ClientId = optionen.ClientId;
                o.ClientSecret = optionen.ClientSecret;
                o.RequireHttpsMetadata = optionen.HttpsPflicht;
                o.CallbackPath = Rueckrufpfad;
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.ResponseType = OpenIdConnectResponseType.Code;
                // The code comes back as a query parameter on a top-level GET, so that the correlation and nonce
                // cookies can be SameSite=Lax (form_post would need SameSite=None); PKCE binds the code to this browser.
                o.ResponseMode = OpenIdConnectResponseMode.Query;
                o.UsePkce = true;
                o.Scope.Clear();
                o.Scope.Add(OpenIdConnectScope.OpenId);
                foreach (var scope in optionen.Scopes.Where(s => !string.IsNullOrWhiteSpace(s) && s != OpenIdConnectScope.OpenId))
                {
                    o.Scope.Add(scope);
                }

                o.MapInboundClaims = false;
                o.SaveTokens = false;
                o.DisableTelemetry = true;
                o.TokenValidationParameters.NameClaimType = "name";
                // amr and acr decide about the second factor: keep them on the principal (the handler drops acr by default).
                o.ClaimActions.Remove("acr");
                o.ClaimActions.Remove("amr");
                o.GetClaimsFromUserInfoEndpoint = optionen.ClaimsVomUserinfoEndpunkt;
                if (optionen.ClaimsVomUserinfoEndpunkt)
                {
                    o.ClaimActions.MapJsonKey(optionen.GruppenClaim, optionen.GruppenClaim);
                    o.ClaimActions.MapJsonKey("name", "name");
                    o.ClaimActions.MapJsonKey("email", "email");
                }

                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.CorrelationCookie.SecurePolicy = sicherheit;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SecurePolicy = sicherheit;
                o.Events = new OpenIdConnectEvents
                {
                    OnTokenValidated = c =>
                    {
                        if (c.SecurityToken?.Issuer is { Length: > 0 } aussteller && c.Principal?.Identity is System.Security.Claims.ClaimsIdentity identitaet)
                        {
                            identitaet.AddClaim(new System.Security.Claims.Claim(ClaimAussteller, aussteller));
                        }
                        else
                        {
                            c.Fail("Das ID-Token nennt keinen Aussteller.");
                        }

                        return Task.CompletedTask;
                    },
                    OnRemoteFailure = c =>
                    {
                        // Cancelled at the provider, a stale or replayed answer, an invalid token: one German page, the
                        // reason in the log (the handler logs it), nothing signed in.
                        c.Response.Redirect("/Konto/Extern?handler=Fehler");
                        c.HandleResponse();
                        return Task.CompletedTask;
                    },
                };
            });
        return services;
    }
}
