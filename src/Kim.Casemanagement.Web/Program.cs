using Kim.Casemanagement.Application;
using Kim.Casemanagement.Infrastructure;
using Kim.Casemanagement.Infrastructure.Analysen;
using Kim.Casemanagement.Infrastructure.Audit;
using Kim.Casemanagement.Infrastructure.Benachrichtigungen;
using Kim.Casemanagement.Infrastructure.Datenschutz;
using Kim.Casemanagement.Web.Api;
using Kim.Casemanagement.Web.Betrieb;
using Kim.Casemanagement.Web.Echtzeit;
using Kim.Casemanagement.Web.Fehler;
using Kim.Casemanagement.Web.Hosting;
using Kim.Casemanagement.Web.Sicherheit;
using Kim.Casemanagement.Web.Tokendienst;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http.Json;

var builder = WebApplication.CreateBuilder(args);

if (Kommandos.IstKommando(args))
{
    return await Kommandos.AusfuehrenAsync(args, builder);
}

builder.WebHost.ConfigureKestrel(k =>
{
    k.AddServerHeader = false;
    k.Limits.MaxRequestBodySize = AnfrageGroessenGrenze.Grenze;
});

builder.Services.Configure<JsonOptions>(o => StrikteJson.Anwenden(o.SerializerOptions));
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.Configure<ForwardedHeadersOptions>(o =>
{
    // Behind nginx (infra/nginx): TLS ends there; trust the proxy on loopback only.
    o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
});
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemTexte.Eindeutschen);
builder.Services.AddExceptionHandler<KimExceptionHandler>();
builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
{
    doc.Info.Title = "Kim.Casemanagement API";
    doc.Info.Description = "Rechtskreisübergreifendes Case Management (KIM Modul 2, NRW). Anmeldung: POST /api/anmeldung liefert ein Bearer-Token.";
    return Task.CompletedTask;
}));
// Every page of the data-protection officer's workplace needs the Datenschutz role, whatever its page model says.
builder.Services.AddRazorPages(o => o.Conventions.AuthorizeFolder("/Datenschutz", SicherheitsKonfiguration.PolitikDatenschutz));
builder.Services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o =>
{
    // Confirmations after a redirect: same cookie rules as the login cookie (__Host- over HTTPS, Strict, HttpOnly).
    var nurHttps = builder.Configuration.GetValue("Sicherheit:NurHttps", true);
    o.Cookie.Name = nurHttps ? "__Host-kim-meldung" : "kim-meldung";
    o.Cookie.SecurePolicy = nurHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
    o.Cookie.SameSite = SameSiteMode.Strict;
    o.Cookie.HttpOnly = true;
    o.Cookie.Path = "/";
    o.Cookie.IsEssential = true;
});
builder.Services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add<Kim.Casemanagement.Web.Oberflaeche.SeitenFehlerFilter>());
// German text (umlauts, ß) is written as it is, not as numeric entities; markup stays encoded.
builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));

builder.Services.AddKimApplication();
builder.Services.AddKimInfrastructure(builder.Configuration);
builder.Services.AddKimAudit();
builder.Services.AddKimAnalysen();
builder.Services.AddKimDatenschutz(builder.Configuration);
builder.Services.AddScoped<AuskunftDienst>();
builder.Services.AddKimSicherheit(builder.Configuration);
builder.Services.AddKimTelemetrie(builder.Configuration);
builder.Services.AddKimTokendienst(builder.Configuration, builder.Environment);
builder.Services.AddSignalR(o =>
{
    o.MaximumReceiveMessageSize = 4 * 1024;
    o.EnableDetailedErrors = false;
});
builder.Services.AddKimBenachrichtigungen();
builder.Services.AddSingleton<IBenachrichtigungsZustellung, HubZustellung>();
builder.Services.AddSingleton<VerbindungsRegister>();
builder.Services.AddSingleton<HubSitzungsWaechter>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<HubSitzungsWaechter>());
builder.Services.AddSingleton<DemoDaten>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<DemoDaten>());

var app = builder.Build();

app.UseForwardedHeaders();
app.UseMiddleware<AuditAbschluss>();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<AnfrageGroessenGrenze>();
app.UseMiddleware<SicherheitsHeader>();
app.UseStaticFiles();
app.UseSwaggerUI(o =>
{
    o.SwaggerEndpoint("/openapi/v1.json", "Kim.Casemanagement API v1");
    o.RoutePrefix = "api-doku";
    o.DocumentTitle = "Kim.Casemanagement API";
});
app.UseMiddleware<UrsprungsPruefung>();
app.UseRouting();
app.UseKimSicherheit();
app.UseMiddleware<MandantZuordnung>();
app.UseMiddleware<IdempotenzPruefung>();

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
app.MapOpenApi().AllowAnonymous();
app.MapKontoApi();
app.MapFaelleApi();
app.MapSpurenApi();
app.MapAdminApi();
app.MapAnbieterApi();
app.MapPartnersystemeApi();
app.MapEinstellungenApi();
app.MapDatenschutzApi();
app.MapBenachrichtigungenApi();
app.MapTeamleitungApi();
app.MapAnalysenApi();
app.MapThemenApi();
app.MapHub<BenachrichtigungsHub>("/hubs/benachrichtigungen");
app.MapRazorPages();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so that tests can host the application.</summary>
public partial class Program;
