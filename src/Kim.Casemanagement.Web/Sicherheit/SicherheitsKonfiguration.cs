using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Infrastructure.Identitaet;
using Kim.Casemanagement.Infrastructure.Persistence;
using Kim.Casemanagement.Web.Tokendienst;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Kim.Casemanagement.Web.Sicherheit;

/// <summary>Accounts, sign-in schemes, sessions, authorisation, antiforgery, rate limits and security headers in one place.</summary>
internal static class SicherheitsKonfiguration
{
    /// <summary>The login cookie's name: <c>__Host-kim</c> over HTTPS (always in production), <c>kim</c> for the plain-HTTP development run.</summary>
    public static string CookieName { get; private set; } = "__Host-kim";
    public const string Schema = "Kim";
    public const string PolitikAngemeldet = "Angemeldet";
    public const string PolitikAdministration = "Administration";
    public const string PolitikAnbieter = "Anbieteradministration";
    public const string PolitikDatenschutz = "Datenschutz";
    public const string PolitikTeamleitung = "Teamleitung";
    public const string PolitikAufnahme = "Aufnahme";
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";
    public const string RateAnmeldung = "anmeldung";
    public const string RateApi = "api";

    public static IServiceCollection AddKimSicherheit(this IServiceCollection services, IConfiguration configuration)
    {
        var nurHttps = configuration.GetValue($"{SicherheitsOptionen.Abschnitt}:{nameof(SicherheitsOptionen.NurHttps)}", true);
        CookieName = nurHttps ? "__Host-kim" : "kim";
        var cookieSicherheit = nurHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.AddHttpContextAccessor();
        services.AddOptions<SicherheitsOptionen>().Bind(configuration.GetSection(SicherheitsOptionen.Abschnitt));
        services.AddOptions<SitzungsOptionen>().Bind(configuration.GetSection(SitzungsOptionen.Abschnitt));
        services.AddScoped<IAktuellerBenutzer, AktuellerBenutzer>();

        services.AddIdentityCore<Benutzer>(o =>
            {
                // NIST SP 800-63B / ASVS: length, no composition rules, a list of common passwords.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
                o.Tokens.AuthenticatorTokenProvider = EinmalAuthenticatorTokenProvider.Name;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<KimDbContext>()
            .AddSignInManager()
            .AddErrorDescriber<DeutscheIdentityFehler>()
            .AddPasswordValidator<HaeufigePasswoerterValidator>()
            .AddTokenProvider<EinmalAuthenticatorTokenProvider>(EinmalAuthenticatorTokenProvider.Name);
        // User names are unique per Mandant (migration 0021): Identity's installation-wide duplicate check is replaced.
        services.RemoveAll<IUserValidator<Benutzer>>();
        services.AddScoped<IUserValidator<Benutzer>, BenutzernameJeMandantValidator>();
        services.AddScoped<AnmeldeDienst>();
        services.AddSingleton<SitzungsDienst>();

        // Keys that protect cookies, tokens and antiforgery tokens live in the database: all instances share them.
        services.AddDataProtection().SetApplicationName("Kim.Casemanagement");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = sp.GetRequiredService<DatenbankSchluesselSpeicher>()));
        services.AddSingleton<DatenbankSchluesselSpeicher>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Schema;
                o.DefaultChallengeScheme = Schema;
            })
            .AddPolicyScheme(Schema, "Cookie, JWT-Zugriffstoken oder Bearer-Token", o => o.ForwardDefaultSelector = c =>
                c.Request.Headers.Authorization.ToString() is var a && a.StartsWith("Bearer ", StringComparison.Ordinal)
                    ? Tokendienst.TokendienstKonfiguration.IstJwt(a) ? Tokendienst.TokendienstKonfiguration.JwtSchema : IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SecurePolicy = cookieSicherheit;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.Path = "/";
                o.ExpireTimeSpan = new SitzungsOptionen().Hoechstdauer;
                o.SlidingExpiration = false;
                o.LoginPath = "/Konto/Anmelden";
                o.LogoutPath = "/Konto/Abmelden";
                o.AccessDeniedPath = "/Konto/KeinZugriff";
                o.ReturnUrlParameter = "zurueck";
            })
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromMinutes(15);
                o.RefreshTokenExpiration = new SitzungsOptionen().Hoechstdauer;
            });

        services.AddKimKommuneIdp(configuration, nurHttps);

        // The decrypted cookie or access token is kept per instance for a short while (TicketZwischenspeicher); these run
        // after the handlers' own post-configuration, which creates the formats.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).PostConfigure<TimeProvider>((o, zeit) =>
            o.TicketDataFormat = new TicketZwischenspeicher(o.TicketDataFormat, zeit));
        services.AddOptions<BearerTokenOptions>(IdentityConstants.BearerScheme).PostConfigure<TimeProvider>((o, zeit) =>
            o.BearerTokenProtector = new TicketZwischenspeicher(o.BearerTokenProtector, zeit));

        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AutorisierungsAntworten>();
        services.AddAuthorizationBuilder()
            // No policy names an authentication scheme: naming one would authenticate the cookie or token again inside
            // the authorisation step and bypass the server-side session check (SitzungsPruefung) that ran before it.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new ZweiFaktorAnforderung()).Build())
            .SetDefaultPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new ZweiFaktorAnforderung()).Build())
            .AddPolicy(PolitikAngemeldet, p => p.RequireAuthenticatedUser())
            .AddPolicy(PolitikAdministration, p => p.RequireAuthenticatedUser().AddRequirements(new ZweiFaktorAnforderung()).RequireRole(nameof(Application.Sicherheit.Rolle.Administration)))
            .AddPolicy(PolitikAnbieter, p => p.RequireAuthenticatedUser().AddRequirements(new ZweiFaktorAnforderung()).RequireRole(nameof(Application.Sicherheit.Rolle.Anbieteradministration)))
            .AddPolicy(PolitikTeamleitung, p => p.RequireAuthenticatedUser().AddRequirements(new ZweiFaktorAnforderung()).RequireRole(nameof(Application.Sicherheit.Rolle.Teamleitung)))
            .AddPolicy(PolitikAufnahme, p => p.RequireAuthenticatedUser().AddRequirements(new ZweiFaktorAnforderung()).RequireRole(nameof(Application.Sicherheit.Rolle.Fallmanagement), nameof(Application.Sicherheit.Rolle.Teamleitung)))
            .AddPolicy(PolitikDatenschutz, p => p.RequireAuthenticatedUser().AddRequirements(new ZweiFaktorAnforderung()).RequireRole(nameof(Application.Sicherheit.Rolle.Datenschutz)));

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = nurHttps ? "__Host-kim-af" : "kim-af";
            o.Cookie.SecurePolicy = cookieSicherheit;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.HeaderName = AntiforgeryHeader;
            o.FormFieldName = "__kimaf";
        });

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RateAnmeldung, c =>
            {
                var s = c.RequestServices.GetRequiredService<IOptions<SicherheitsOptionen>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(c.Connection.RemoteIpAddress?.ToString() ?? "unbekannt", _ =>
                    new FixedWindowRateLimiterOptions { PermitLimit = s.AnmeldungenProMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            o.AddPolicy(RateApi, c =>
            {
                var s = c.RequestServices.GetRequiredService<IOptions<SicherheitsOptionen>>().Value;
                var wer = c.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? c.Connection.RemoteIpAddress?.ToString() ?? "unbekannt";
                return RateLimitPartition.GetTokenBucketLimiter(wer, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = s.ApiSpitze,
                    TokensPerPeriod = s.ApiAnfragenProSekunde,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            o.OnRejected = async (ctx, ct) =>
            {
                if (ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var warten))
                {
                    ctx.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(warten.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                await ctx.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = ctx.HttpContext,
                    ProblemDetails = new ProblemDetails { Status = 429, Title = "Zu viele Anfragen", Detail = "Bitte warten Sie einen Moment und versuchen Sie es erneut." },
                });
            };
        });

        services.AddHostedService<RollenAnlegen>();
        return services;
    }

    public static WebApplication UseKimSicherheit(this WebApplication app)
    {
        // Authentication and the session check run inside the token service's part of the pipeline (ADR 0010).
        app.UseKimTokendienst();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseMiddleware<ApiAntiforgery>();
        return app;
    }
}
