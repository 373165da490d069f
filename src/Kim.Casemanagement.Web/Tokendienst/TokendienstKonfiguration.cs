using System.Security.Claims;
using System.Threading.RateLimiting;
using Duende.IdentityServer.Configuration;
using Duende.IdentityServer.ResponseHandling;
using Duende.IdentityServer.Services;
using Duende.IdentityServer.Stores;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Infrastructure.Identitaet;
using Kim.Casemanagement.Infrastructure.Persistence;
using Kim.Casemanagement.Infrastructure.Tokendienst;
using Kim.Casemanagement.Web.Sicherheit;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Kim.Casemanagement.Web.Tokendienst;

/// <summary>
/// The token service (Duende IdentityServer, ADR 0010) in the Web host: discovery, authorization code + PKCE (S256),
/// refresh tokens with rotation and reuse detection, client credentials for partner systems; JWT access tokens checked
/// by JwtBearer (issuer, audience, lifetime, signature, algorithm, type) and mapped to the application's principal.
/// </summary>
internal static class TokendienstKonfiguration
{
    /// <summary>The authentication scheme of JWT access tokens.</summary>
    public const string JwtSchema = "KimJwt";

    /// <summary>Claim of a person's access token: the server-side session (Sitzung) it belongs to.</summary>
    public const string ClaimSitzung = "kim_sitzung";

    /// <summary>Claim of the application principal of a partner system: its client id.</summary>
    public const string ClaimPartnersystem = "kim_partnersystem";

    /// <summary>Scope claims of the JWT, kept on the application principal.</summary>
    public const string ClaimScope = "scope";

    public static IServiceCollection AddKimTokendienst(this IServiceCollection services, IConfiguration configuration, IHostEnvironment umgebung)
    {
        services.AddOptions<TokendienstOptionen>().Bind(configuration.GetSection(TokendienstOptionen.Abschnitt));
        var optionen = configuration.GetSection(TokendienstOptionen.Abschnitt).Get<TokendienstOptionen>() ?? new TokendienstOptionen();
        var schluessel = Signaturschluessel.Laden(optionen, umgebung, configuration);
        services.AddSingleton(schluessel);
        services.AddSingleton(sp => new ClientVerzeichnis(sp.GetRequiredService<Datenbank>().DataSource, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new KimResourceStore(sp.GetRequiredService<Datenbank>().DataSource));
        services.AddSingleton(sp => new KimGrantStore(sp.GetRequiredService<Datenbank>().DataSource));

        var builder = services.AddIdentityServer(o =>
            {
                // Automatic key management is a licence feature and off: keys come from configuration (rotation by config).
                o.KeyManagement.Enabled = false;
                if (!string.IsNullOrWhiteSpace(optionen.Aussteller))
                {
                    o.IssuerUri = optionen.Aussteller;
                }

                o.Authentication.CookieAuthenticationScheme = IdentityConstants.ApplicationScheme;
                o.UserInteraction.LoginUrl = "/Konto/Anmelden";
                o.UserInteraction.LoginReturnUrlParameter = "zurueck";
                o.UserInteraction.LogoutUrl = "/Konto/Abmelden";
                o.UserInteraction.ErrorUrl = "/Konto/Anmeldefehler";
                o.Endpoints.EnableCheckSessionEndpoint = false;
                o.Endpoints.EnableDeviceAuthorizationEndpoint = false;
                o.Endpoints.EnableBackchannelAuthenticationEndpoint = false;
                o.Endpoints.EnableJwtRequestUri = false;
                o.Endpoints.EnablePushedAuthorizationEndpoint = false;
                o.EmitStaticAudienceClaim = false;
                // A used refresh token stays (marked consumed) so that presenting it again is recognised as reuse.
                o.PersistentGrants.DeleteOneTimeOnlyRefreshTokensOnUse = false;
                o.Events.RaiseErrorEvents = true;
                o.Events.RaiseFailureEvents = true;
                o.Authentication.CheckSessionCookieSameSiteMode = SameSiteMode.Strict;
                o.Authentication.CoordinateClientLifetimesWithUserSession = false;
            })
            .AddSigningCredential(schluessel.Aktuell)
            .AddClientStore<KimClientStore>()
            .AddProfileService<KimProfilDienst>();
        foreach (var frueher in schluessel.Frueher)
        {
            builder.AddValidationKey(new Duende.IdentityServer.Models.SecurityKeyInfo
            {
                Key = frueher,
                SigningAlgorithm = frueher is ECDsaSecurityKey ? SecurityAlgorithms.EcdsaSha256 : SecurityAlgorithms.RsaSha256,
            });
        }

        // IdentityServer registers its key-management options as a transient factory that validates them (an internal
        // method, called here once through reflection) on each resolution, and its decorator of IAuthenticationService resolves them on every authenticated request (1.5 % of
        // a case read's app CPU in a perf profile, docs/profiling.md). They do not change after the start: one
        // validated instance.
        if (services.LastOrDefault(d => d.ServiceType == typeof(KeyManagementOptions)) is { Lifetime: not ServiceLifetime.Singleton } schluesselverwaltung)
        {
            services.Remove(schluesselverwaltung);
            services.AddSingleton(sp =>
            {
                var o = sp.GetRequiredService<IdentityServerOptions>().KeyManagement;
                typeof(KeyManagementOptions).GetMethod("Validate", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic, Type.EmptyTypes)?.Invoke(o, null);
                return o;
            });
        }

        // AddIdentityServer makes its own cookie ("idsrv") the default scheme; the application's policy scheme
        // (cookie, JWT or Identity bearer token) stays the default, and IdentityServer uses the Identity cookie.
        services.PostConfigure<Microsoft.AspNetCore.Authentication.AuthenticationOptions>(o =>
        {
            o.DefaultScheme = SicherheitsKonfiguration.Schema;
            o.DefaultChallengeScheme = SicherheitsKonfiguration.Schema;
            o.DefaultAuthenticateScheme = null;
            o.DefaultSignInScheme = null;
            o.DefaultSignOutScheme = null;
        });
        services.AddTransient<IResourceStore>(sp => sp.GetRequiredService<KimResourceStore>());
        services.AddTransient<IPersistedGrantStore>(sp => sp.GetRequiredService<KimGrantStore>());
        services.AddTransient<IRefreshTokenService, KimRefreshTokenDienst>();
        services.AddTransient<IDiscoveryResponseGenerator, KimDiscovery>();
        services.AddHostedService<TokendienstStart>();

        services.AddAuthentication().AddJwtBearer(JwtSchema, o =>
        {
            o.MapInboundClaims = false;
            o.RequireHttpsMetadata = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidAudience = TokendienstOptionen.Api,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ValidateIssuerSigningKey = true,
                IssuerSigningKeys = schluessel.Alle.ToList(),
                ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256],
                ValidTypes = ["at+jwt"],
                ClockSkew = TimeSpan.FromSeconds(30),
                NameClaimType = "sub",
                RoleClaimType = "role",
            };
            o.Events = new JwtBearerEvents
            {
                OnMessageReceived = async c =>
                {
                    // The issuer this instance issues under for this request (configured, or the public origin).
                    c.HttpContext.Items[AusstellerSchluessel] = await c.HttpContext.RequestServices.GetRequiredService<IIssuerNameService>().GetCurrentAsync(c.HttpContext.RequestAborted);
                },
                OnTokenValidated = c =>
                {
                    var principal = Abbilden(c.Principal!);
                    if (principal is null)
                    {
                        c.Fail("Das Token passt zu keiner Person und keinem Partnersystem.");
                    }
                    else
                    {
                        c.Principal = principal;
                    }

                    return Task.CompletedTask;
                },
            };
        });
        services.AddOptions<JwtBearerOptions>(JwtSchema).Configure<IHttpContextAccessor>((o, accessor) =>
            o.TokenValidationParameters.IssuerValidator = (aussteller, _, _) =>
                accessor.HttpContext?.Items[AusstellerSchluessel] is string erwartet && string.Equals(aussteller, erwartet, StringComparison.Ordinal)
                    ? aussteller
                    : throw new SecurityTokenInvalidIssuerException("Unbekannter Aussteller."));
        return services;
    }

    private const string AusstellerSchluessel = "kim.tokendienst.aussteller";

    /// <summary>
    /// The pipeline part before the application's authorisation: rate limit of the token endpoint, authentication with
    /// the server-side session check (so that IdentityServer's endpoints see an ended session as signed out), the
    /// protocol endpoints, and the scope check of JWT requests.
    /// <para>
    /// IdentityServer's own middleware (base URL, CORS, dynamic providers, mTLS, its endpoints, its session-id cookie)
    /// runs only on the paths of <see cref="IstTokendienstPfad"/>: on every other request it did work none of them needs
    /// (the session-id cookie for JavaScript check-session clients, options validation, a back-channel client resolved
    /// per request), about a quarter of an authorised case read's app CPU in the benchmark (docs/profiling.md). JWT
    /// validation of the API does not depend on it (JwtBearer in <c>UseAuthentication</c>).
    /// </para>
    /// </summary>
    public static IApplicationBuilder UseKimTokendienst(this IApplicationBuilder app)
    {
        app.UseMiddleware<TokenEndpunktGrenze>();
        app.UseWhen(IstTokendienstPfad, tokendienst => tokendienst.UseIdentityServer(new IdentityServerMiddlewareOptions
        {
            AuthenticationMiddleware = Authentifizieren,
        }));
        app.UseWhen(c => !IstTokendienstPfad(c), Authentifizieren);
        app.UseMiddleware<Zugriffsbereiche>();
        return app;

        static void Authentifizieren(IApplicationBuilder a)
        {
            a.UseAuthentication();
            a.UseMiddleware<SitzungsPruefung>();
        }
    }

    /// <summary>
    /// The requests IdentityServer takes part in: its protocol endpoints (<c>/.well-known/*</c>, <c>/connect/*</c>), the
    /// sign-in, sign-out and error pages of the authorisation flow (<c>/Konto/*</c>, <see cref="IdentityServerOptions.UserInteraction"/>),
    /// and the callback paths of external sign-in (<c>/signin-*</c>, <c>/signout-*</c>).
    /// </summary>
    public static bool IstTokendienstPfad(HttpContext c)
    {
        var pfad = c.Request.Path;
        return pfad.StartsWithSegments("/connect", StringComparison.OrdinalIgnoreCase)
            || pfad.StartsWithSegments("/.well-known", StringComparison.OrdinalIgnoreCase)
            || pfad.StartsWithSegments("/Konto", StringComparison.OrdinalIgnoreCase)
            || (pfad.Value is { } p && (p.StartsWith("/signin-", StringComparison.OrdinalIgnoreCase) || p.StartsWith("/signout-", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Does an Authorization header carry a JWT (three dot-separated parts) rather than an Identity bearer token?</summary>
    public static bool IstJwt(string authorization) =>
        authorization.StartsWith("Bearer ", StringComparison.Ordinal) && authorization.AsSpan(7).Count('.') == 2;

    /// <summary>The application's principal for a validated access token: a person (sub + session) or a partner system.</summary>
    internal static ClaimsPrincipal? Abbilden(ClaimsPrincipal jwt)
    {
        var scopes = jwt.FindAll(ClaimScope).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct().ToList();
        var claims = new List<Claim>();
        if (jwt.FindFirstValue("sub") is { Length: > 0 } sub)
        {
            if (jwt.FindFirstValue(ClaimSitzung) is not { Length: > 0 } sitzung || jwt.FindFirstValue(Anspruch.Mandant) is not { Length: > 0 } mandant)
            {
                return null;
            }

            claims.Add(new Claim(ClaimTypes.NameIdentifier, sub));
            claims.Add(new Claim(ClaimTypes.Name, jwt.FindFirstValue("name") ?? sub));
            claims.Add(new Claim(Anspruch.Sitzung, sitzung));
            claims.Add(new Claim(Anspruch.Mandant, mandant));
            foreach (var typ in new[] { Anspruch.Anzeigename, Anspruch.Team, Anspruch.Behoerde })
            {
                if (jwt.FindFirstValue(typ) is { } wert)
                {
                    claims.Add(new Claim(typ, wert));
                }
            }

            claims.AddRange(jwt.FindAll("role").Select(r => new Claim(ClaimTypes.Role, r.Value)));
            claims.AddRange(jwt.FindAll("amr").Select(a => new Claim(Anspruch.Methode, a.Value)));
        }
        else
        {
            var clientId = jwt.FindFirstValue("client_id");
            var art = jwt.FindFirstValue("client_" + KimClientStore.ClaimArt);
            var mandant = jwt.FindFirstValue("client_" + KimClientStore.ClaimMandant);
            var behoerde = jwt.FindFirstValue("client_" + KimClientStore.ClaimBehoerde);
            if (string.IsNullOrEmpty(clientId) || art != ClientArt.Partnersystem || string.IsNullOrEmpty(mandant)
                || !Enum.TryParse<Domain.Common.Behoerde>(behoerde, out _))
            {
                return null;
            }

            claims.Add(new Claim(ClaimTypes.NameIdentifier, "partnersystem:" + clientId));
            claims.Add(new Claim(ClaimTypes.Name, clientId));
            claims.Add(new Claim(ClaimPartnersystem, clientId));
            claims.Add(new Claim(Anspruch.Mandant, mandant));
            claims.Add(new Claim(Anspruch.Behoerde, behoerde!));
            claims.Add(new Claim(ClaimTypes.Role, nameof(Application.Sicherheit.Rolle.Partner)));
        }

        claims.AddRange(scopes.Select(s => new Claim(ClaimScope, s)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, JwtSchema, ClaimTypes.Name, ClaimTypes.Role));
    }
}

/// <summary>
/// Start-up of the token service: the licence state in the log (no personal data), application clients from
/// configuration; then hourly removal of grants (codes, refresh tokens) expired more than a day ago.
/// </summary>
internal sealed class TokendienstStart(IServiceProvider services, IOptions<TokendienstOptionen> optionen, IOptions<IdentityServerOptions> duende, TimeProvider zeit, IHostEnvironment umgebung, ILogger<TokendienstStart> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(duende.Value.LicenseKey))
        {
            logger.LogWarning("Tokendienst: kein Duende-Lizenzschlüssel konfiguriert (Duende:LicenseKey) – Testmodus, für den Produktivbetrieb nicht zulässig.");
        }
        else
        {
            logger.LogInformation("Tokendienst: Duende-Lizenzschlüssel ist konfiguriert.");
        }

        var verzeichnis = services.GetRequiredService<ClientVerzeichnis>();
        foreach (var a in optionen.Value.Anwendungen.Where(a => !string.IsNullOrWhiteSpace(a.ClientId)))
        {
            await verzeichnis.AnwendungAbgleichenAsync(a.ClientId, string.IsNullOrWhiteSpace(a.Anzeigename) ? a.ClientId : a.Anzeigename, a.Mandant, a.Scopes, a.RedirectUris, a.AbmeldeUris, cancellationToken);
        }

        if (umgebung.IsDevelopment() && optionen.Value.DemoPartnersystem is { ClientId.Length: > 0, Geheimnis.Length: > 0 } demo)
        {
            // Development only, like the demo accounts: a known secret so that the README's curl example works.
            var spur = demo.Behoerde.AlsSpur().ToString().ToLowerInvariant();
            await verzeichnis.PartnersystemAnlegenAsync(demo.ClientId, "Demo-Fachverfahren " + demo.Behoerde, "standard", demo.Behoerde, ["kim.partner.lesen", "kim.partner." + spur], "demo", cancellationToken, demo.Geheimnis);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var takt = new PeriodicTimer(TimeSpan.FromHours(1), zeit);
        do
        {
            try
            {
                var entfernt = await services.GetRequiredService<KimGrantStore>().AbgelaufeneEntfernenAsync(zeit.GetUtcNow().AddDays(-1), stoppingToken);
                if (entfernt > 0 && logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("Tokendienst: {Anzahl} abgelaufene Berechtigungen entfernt.", entfernt);
                }
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
            {
                logger.LogWarning(e, "Tokendienst: abgelaufene Berechtigungen konnten nicht entfernt werden.");
            }
        }
        while (await takt.WaitForNextTickAsync(stoppingToken));
    }
}

/// <summary>Fixed-window rate limit of the token endpoint per client address (guessing secrets, code or refresh tokens).</summary>
internal sealed class TokenEndpunktGrenze(RequestDelegate next, IOptions<TokendienstOptionen> optionen) : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _grenze = PartitionedRateLimiter.Create<HttpContext, string>(c =>
        RateLimitPartition.GetFixedWindowLimiter(c.Connection.RemoteIpAddress?.ToString() ?? "unbekannt", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = optionen.Value.TokenAnfragenProMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/connect/token"))
        {
            using var lease = await _grenze.AcquireAsync(context, 1, context.RequestAborted);
            if (!lease.IsAcquired)
            {
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = "60";
                await context.Response.WriteAsJsonAsync(new { error = "slow_down", error_description = "Zu viele Token-Anfragen. Bitte warten Sie einen Moment." }, context.RequestAborted);
                return;
            }
        }

        await next(context);
    }

    public void Dispose() => _grenze.Dispose();
}
